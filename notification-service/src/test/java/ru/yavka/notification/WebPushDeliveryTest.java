package ru.yavka.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import ru.yavka.contracts.events.AppointmentBooked;
import ru.yavka.contracts.events.AppointmentCancelled;
import ru.yavka.contracts.events.AppointmentSource;
import ru.yavka.contracts.events.EventMeta;
import ru.yavka.contracts.events.NoShowDetected;
import ru.yavka.contracts.events.WaitlistOffered;
import ru.yavka.notification.support.Clinic;
import ru.yavka.notification.support.Db;
import ru.yavka.notification.support.Events;
import ru.yavka.notification.support.PushServiceStandIn;
import ru.yavka.notification.support.PushServiceStandIn.Answer;
import ru.yavka.notification.support.PushServiceStandIn.Device;
import ru.yavka.notification.support.PushServiceStandIn.Received;
import ru.yavka.notification.support.Staff;
import ru.yavka.notification.support.StandIns;
import ru.yavka.notification.support.VapidKeys;

/**
 * Web Push end to end: a clinic event (from the real booking-service, or published to the run's
 * topics) becomes an alert, and a push service stand-in receives it the way FCM or autopush
 * would, verifies the VAPID signature, and decrypts it as the subscribed browser would.
 */
@QuarkusTest
class WebPushDeliveryTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static PushServiceStandIn pushService;
    private static Events events;
    private final List<String[]> cleanup = new ArrayList<>();

    @BeforeAll
    static void start() {
        pushService = new PushServiceStandIn();
        events = new Events();
    }

    @AfterAll
    static void stop() {
        if (events != null) {
            events.close();
        }
        if (pushService != null) {
            pushService.close();
        }
    }

    /** Devices of one test must not catch the alerts of the next. */
    @AfterEach
    void unsubscribe() {
        cleanup.forEach(s -> Staff.unsubscribe(s[0], s[1], s[2]));
        cleanup.clear();
    }

    private String subscribe(String role, String user, Device device, List<String> doctors) {
        String id = Staff.subscribe(role, user, device, doctors);
        cleanup.add(new String[] {role, user, id});
        return id;
    }

    @Test
    void telegramBookingReachesTheDeskAndTheDoctorsStaffSignedAndEncryptedForTheBrowser() {
        String doctor = Clinic.doctor("Орлов Сергей Викторович", "cardiologist");
        String otherDoctor = UUID.randomUUID().toString();
        String registrar = Staff.newUser("registrar");
        String nurse = Staff.newUser("registrar");
        Device desk = pushService.newDevice();
        Device otherDoctorsNurse = pushService.newDevice();
        subscribe("registrar", registrar, desk, List.of(doctor));
        subscribe("registrar", nurse, otherDoctorsNurse, List.of(otherDoctor));

        String appointment = Clinic.book(Clinic.patient("Петров Пётр Петрович"), Clinic.slot(doctor, 26 * 60), "TELEGRAM");

        await().atMost(PATIENCE).until(() -> pushService.received(desk).size() == 1);
        Received message = pushService.received(desk).get(0);
        assertThat(message.problem()).as("what the push service found wrong").isNull();
        assertThat(message.answeredWith()).isEqualTo(201);

        // VAPID: ES256 by the configured key, for this push service, short-lived, with a contact.
        assertThat(message.jwtHeader().path("alg").asText()).isEqualTo("ES256");
        assertThat(message.vapidKey()).isEqualTo(StandIns.vapid().publicKeyBytes());
        assertThat(message.claims().path("sub").asText()).isEqualTo(VapidKeys.SUBJECT);
        assertThat(message.claims().path("exp").asLong())
                .isBetween(Instant.now().getEpochSecond(), Instant.now().plus(Duration.ofHours(24)).getEpochSecond());
        assertThat(message.headers()).containsEntry("content-encoding", "aes128gcm").containsEntry("urgency", "normal");
        assertThat(Integer.parseInt(message.headers().get("ttl"))).isBetween(1, 12 * 3600);

        // The decrypted payload is what the service sent: the alert it keeps, word for word.
        JsonNode payload = message.payload();
        JsonPath alert = Staff.as("registrar", registrar).get("/api/alerts").then().statusCode(200)
                .extract().jsonPath();
        int index = alert.getList("id").indexOf(payload.path("alertId").asText());
        assertThat(index).as("the pushed alert is among the user's alerts").isNotNegative();
        assertThat(payload.path("kind").asText()).isEqualTo("TELEGRAM_BOOKING").isEqualTo(alert.getString("kind[" + index + "]"));
        assertThat(payload.path("title").asText()).isEqualTo("Новая запись из Telegram").isEqualTo(alert.getString("title[" + index + "]"));
        assertThat(payload.path("body").asText()).isEqualTo(alert.getString("body[" + index + "]"))
                .startsWith("Орлов С. В. (кардиолог) — ");
        LocalDate day = Clinic.startOf(appointment).atZone(Clinic.MOSCOW).toLocalDate();
        assertThat(payload.path("url").asText()).isEqualTo("/schedule?date=" + day + "&appointment=" + appointment);
        assertThat(payload.path("tag").asText()).isEqualTo(message.headers().get("topic"));
        assertThat(payload.toString()).doesNotContain("Петров");

        // The nurse follows another doctor: nothing was even queued for her device.
        assertThat(pushService.received(otherDoctorsNurse)).isEmpty();
        assertThat(Db.count("SELECT count(*) FROM push_delivery d JOIN push_subscription s ON s.id = d.subscription_id"
                + " WHERE s.endpoint = ?", otherDoctorsNurse.endpoint())).isZero();
    }

    @Test
    void aBookingAtTheFrontDeskIsNotPushed() {
        String doctor = Clinic.doctor("Новикова Ирина Павловна", "neurologist");
        Device desk = pushService.newDevice();
        subscribe("registrar", Staff.newUser("registrar"), desk, List.of(doctor));

        String staffBooking = Clinic.book(Clinic.patient("Сидорова Ольга Ивановна"), Clinic.slot(doctor, 30 * 60), "STAFF");
        String telegram = Clinic.book(Clinic.patient("Морозов Алексей Николаевич"), Clinic.slot(doctor, 31 * 60), "TELEGRAM");

        await().atMost(PATIENCE).until(() -> pushService.received(desk).size() == 1);
        await().atMost(PATIENCE).until(() -> processed(staffBooking));
        assertThat(pushService.received(desk).get(0).payload().path("url").asText()).endsWith(telegram);
        assertThat(Db.count("SELECT count(*) FROM staff_alert WHERE url LIKE ?", "%" + staffBooking)).isZero();
    }

    @Test
    void lateCancellationNoShowAndAcceptedWaitlistOfferArePushedAnEarlyCancellationIsNot() {
        UUID doctor = UUID.randomUUID();
        Device desk = pushService.newDevice();
        Device doctorsPhone = pushService.newDevice();
        subscribe("registrar", Staff.newUser("registrar"), desk, List.of(doctor.toString()));
        subscribe("doctor", Staff.newUser("doctor"), doctorsPhone, List.of(doctor.toString()));
        Instant now = Instant.now();

        AppointmentCancelled late = cancelled(doctor, now.plus(3, ChronoUnit.HOURS));
        AppointmentCancelled early = cancelled(doctor, now.plus(3, ChronoUnit.DAYS));
        NoShowDetected noShow = new NoShowDetected(meta(4), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                doctor, "therapist", now.minus(40, ChronoUnit.MINUTES), "reminder-service");
        UUID patient = UUID.randomUUID();
        UUID slot = UUID.randomUUID();
        Instant start = now.plus(2, ChronoUnit.DAYS);
        WaitlistOffered offer = new WaitlistOffered(meta(1), UUID.randomUUID(), UUID.randomUUID(), patient, slot,
                doctor, "therapist", start, now.plus(15, ChronoUnit.MINUTES));
        AppointmentBooked accepted = new AppointmentBooked(meta(1), UUID.randomUUID(), patient, slot, doctor,
                "Иванова Анна Петровна", "therapist", "Москва", start, 30, AppointmentSource.TELEGRAM, "telegram-gateway");
        events.publish(early);
        events.publish(late);
        events.publish(noShow);
        events.publish(offer);
        await().atMost(PATIENCE).until(() -> processed(offer.meta().eventId().toString()));
        events.publish(accepted);

        await().atMost(PATIENCE).until(() -> pushService.received(desk).size() == 3
                && pushService.received(doctorsPhone).size() == 3);
        await().atMost(PATIENCE).until(() -> processed(early.meta().eventId().toString()));
        for (Device device : List.of(desk, doctorsPhone)) {
            List<Received> got = pushService.received(device);
            assertThat(got).allSatisfy(r -> assertThat(r.problem()).isNull());
            assertThat(got).extracting(r -> r.payload().path("kind").asText())
                    .containsExactlyInAnyOrder("LATE_CANCELLATION", "NO_SHOW", "WAITLIST_ACCEPTED");
            Received lateOne = got.stream().filter(r -> r.payload().path("kind").asText().equals("LATE_CANCELLATION"))
                    .findFirst().orElseThrow();
            assertThat(lateOne.headers()).containsEntry("urgency", "high");
            // Nobody needs to hear of a freed slot after the visit would have started.
            assertThat(Integer.parseInt(lateOne.headers().get("ttl"))).isLessThanOrEqualTo(3 * 3600);
            assertThat(lateOne.payload().path("body").asText()).contains("Слот свободен");
        }
        assertThat(alertsFrom(early.meta().eventId())).isZero();
        assertThat(alertsFrom(accepted.meta().eventId())).isOne();
    }

    @Test
    void aGoneSubscriptionIsDroppedOn404And410() {
        UUID doctor = UUID.randomUUID();
        String user = Staff.newUser("registrar");
        Device expired = pushService.newDevice(Answer.of(404));
        Device unsubscribed = pushService.newDevice(Answer.of(410));
        Device fine = pushService.newDevice();
        subscribe("registrar", user, expired, List.of(doctor.toString()));
        subscribe("registrar", user, unsubscribed, List.of(doctor.toString()));
        subscribe("registrar", user, fine, List.of(doctor.toString()));

        events.publish(new NoShowDetected(meta(3), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), doctor,
                "therapist", Instant.now().minus(1, ChronoUnit.HOURS), "reminder-service"));

        await().atMost(PATIENCE).until(() -> Db.count("SELECT count(*) FROM push_subscription WHERE endpoint IN (?, ?)",
                expired.endpoint(), unsubscribed.endpoint()) == 0);
        await().atMost(PATIENCE).until(() -> pushService.received(fine).size() == 1);
        assertThat(pushService.received(expired)).hasSize(1).allSatisfy(r -> assertThat(r.answeredWith()).isEqualTo(404));
        assertThat(pushService.received(unsubscribed)).hasSize(1).allSatisfy(r -> assertThat(r.answeredWith()).isEqualTo(410));
        assertThat(Staff.as("registrar", user).get("/api/push/subscriptions").then().statusCode(200)
                .extract().jsonPath().getList("id")).hasSize(1);
    }

    @Test
    void rateLimitAndServerErrorsAreRetriedWithBackoffUntilDelivered() {
        UUID doctor = UUID.randomUUID();
        Device limited = pushService.newDevice(Answer.retryAfter(429, "1"));
        Device flaky = pushService.newDevice(Answer.of(503), Answer.of(500));
        subscribe("registrar", Staff.newUser("registrar"), limited, List.of(doctor.toString()));
        subscribe("admin", Staff.newUser("admin"), flaky, List.of(doctor.toString()));

        NoShowDetected noShow = new NoShowDetected(meta(3), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                doctor, "therapist", Instant.now().minus(1, ChronoUnit.HOURS), "reminder-service");
        events.publish(noShow);

        await().atMost(PATIENCE).until(() -> pushService.received(limited).size() == 2
                && pushService.received(flaky).size() == 3);
        List<Received> limitedTries = pushService.received(limited);
        assertThat(limitedTries).extracting(Received::answeredWith).containsExactly(429, 201);
        // Retry-After: 1 was honoured: the second try came a second or more after the first.
        assertThat(Duration.between(limitedTries.get(0).at(), limitedTries.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(pushService.received(flaky)).extracting(Received::answeredWith).containsExactly(503, 500, 201);
        // Every attempt is encrypted afresh, and every one decrypts to the same alert.
        for (Device device : List.of(limited, flaky)) {
            List<Received> tries = pushService.received(device);
            assertThat(tries).allSatisfy(r -> assertThat(r.problem()).isNull());
            assertThat(tries).extracting(Received::plaintext).containsOnly(tries.get(0).plaintext());
        }
        await().atMost(PATIENCE).until(() -> Db.count("SELECT count(*) FROM push_delivery d JOIN push_subscription s"
                + " ON s.id = d.subscription_id WHERE s.endpoint IN (?, ?) AND d.status = 'SENT'",
                limited.endpoint(), flaky.endpoint()) == 2);
    }

    @Test
    void breakerAndEmergencyAlertsFromOtherServicesGoToTheDeskOnceEach() {
        Device desk = pushService.newDevice();
        Device doctorsPhone = pushService.newDevice();
        subscribe("registrar", Staff.newUser("registrar"), desk, List.of());
        subscribe("doctor", Staff.newUser("doctor"), doctorsPhone, List.of());
        UUID breakerEvent = UUID.randomUUID();
        Map<String, Object> breaker = Map.of("kind", "BREAKER_OPENED", "key", "1c-schedule-pull",
                "eventId", breakerEvent.toString());

        String id = Staff.as("service", "integration-1c-service").body(breaker).post("/api/alerts")
                .then().statusCode(201).extract().path("id");
        Staff.as("service", "integration-1c-service").body(breaker).post("/api/alerts")
                .then().statusCode(200).body("id", equalTo(id));
        Staff.as("service", "triage-service").body(Map.of("kind", "TRIAGE_EMERGENCY", "key", "conv-42",
                "specialty", "кардиология", "eventId", UUID.randomUUID().toString())).post("/api/alerts")
                .then().statusCode(201);

        await().atMost(PATIENCE).until(() -> pushService.received(desk).stream()
                .map(r -> r.payload().path("kind").asText()).filter(k -> !k.equals("TEST")).count() >= 2);
        List<Received> got = pushService.received(desk).stream()
                .filter(r -> r.payload().path("kind").asText().matches("BREAKER_OPENED|TRIAGE_EMERGENCY")).toList();
        assertThat(got).extracting(r -> r.payload().path("kind").asText())
                .containsExactlyInAnyOrder("BREAKER_OPENED", "TRIAGE_EMERGENCY");
        assertThat(got).allSatisfy(r -> {
            assertThat(r.problem()).isNull();
            assertThat(r.headers()).containsEntry("urgency", "high");
        });
        assertThat(Db.count("SELECT count(*) FROM staff_alert WHERE source_event_id = ?", breakerEvent)).isOne();
        assertThat(pushService.received(doctorsPhone)).noneMatch(r -> r.payload().path("kind").asText()
                .matches("BREAKER_OPENED|TRIAGE_EMERGENCY"));
        // Staff cannot raise these; only a service can.
        Staff.as("registrar", Staff.newUser("registrar")).body(breaker).post("/api/alerts").then().statusCode(403);
    }

    @Test
    void theTestButtonReachesOnlyTheCallersDevices() {
        String me = Staff.newUser("doctor");
        Device mine = pushService.newDevice();
        Device someoneElses = pushService.newDevice();
        subscribe("doctor", me, mine, List.of());
        subscribe("doctor", Staff.newUser("doctor"), someoneElses, List.of());

        Staff.as("doctor", me).post("/api/push/test").then().statusCode(202).body("devices", equalTo(1));

        await().atMost(PATIENCE).until(() -> pushService.received(mine).size() == 1);
        assertThat(pushService.received(mine).get(0).payload().path("title").asText()).isEqualTo("Проверка уведомлений");
        assertThat(pushService.received(someoneElses)).noneMatch(r -> r.payload().path("kind").asText().equals("TEST"));
    }

    private static boolean processed(String eventOrAppointmentId) {
        return Db.count("SELECT count(*) FROM processed_event WHERE event_id::text = ?", eventOrAppointmentId) > 0
                || Db.count("SELECT count(*) FROM appointment_fact WHERE appointment_id::text = ?",
                        eventOrAppointmentId) > 0;
    }

    private static long alertsFrom(UUID eventId) {
        return Db.count("SELECT count(*) FROM staff_alert WHERE source_event_id = ?", eventId);
    }

    private static AppointmentCancelled cancelled(UUID doctor, Instant start) {
        return new AppointmentCancelled(meta(2), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), doctor,
                "therapist", start, "Пациент заболел", "telegram-gateway");
    }

    private static EventMeta meta(long version) {
        return EventMeta.next(UUID.randomUUID().toString(), version, Instant.now());
    }
}
