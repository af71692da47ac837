package ru.yavka.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import ru.yavka.contracts.events.AppointmentBooked;
import ru.yavka.contracts.events.WaitlistOffered;
import ru.yavka.contracts.testing.EventTap;

/** A cancellation refills the slot from the waitlist; an unanswered offer passes to the next match. */
@QuarkusTest
class WaitlistTest {

    private static EventTap tap;

    @BeforeAll
    static void listen() {
        tap = EventTap.onRun();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        tap.close();
    }

    @Test
    void offerExpiresAndPassesToTheNextMatchWhoAcceptsAndIsBooked() {
        String doctor = Fixtures.doctor("gastroenterologist");
        String slot = Fixtures.slot(doctor, 2 * 24 * 60, 30);
        String appointment = Fixtures.book(Fixtures.patient(), slot);
        String first = Fixtures.patient();
        String second = Fixtures.patient();
        String firstEntry = join(first, Map.of("specialty", "gastroenterologist"));
        String secondEntry = join(second, Map.of("doctorId", doctor));

        Fixtures.as("registrar").body(Map.of("reason", "перенос на другой месяц"))
                .post("/api/appointments/" + appointment + "/cancel").then().statusCode(200);

        WaitlistOffered toFirst = awaitOffer(firstEntry);
        assertThat(toFirst.slotId().toString()).isEqualTo(slot);
        assertThat(toFirst.patientId().toString()).isEqualTo(first);
        assertThat(toFirst.expiresAt()).isAfter(toFirst.meta().occurredAt());
        // While offered, nobody else can take the slot.
        Fixtures.as("registrar").get("/api/slots?doctorId=" + doctor).then().body("id", not(hasItem(slot)));
        Fixtures.as("registrar").body(Map.of("patientId", Fixtures.patient(), "slotId", slot, "source", "STAFF"))
                .post("/api/appointments").then().statusCode(409);

        WaitlistOffered toSecond = awaitOffer(secondEntry);
        assertThat(toSecond.slotId().toString()).isEqualTo(slot);
        Fixtures.as("service").post("/api/waitlist/offers/" + toFirst.offerId() + "/accept")
                .then().statusCode(409);

        String booked = Fixtures.as("service").body(Map.of("source", "TELEGRAM"))
                .post("/api/waitlist/offers/" + toSecond.offerId() + "/accept")
                .then().statusCode(201).body("patientId", equalTo(second)).body("slotId", equalTo(slot))
                .body("source", equalTo("TELEGRAM")).extract().path("id");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                tap.events(AppointmentBooked.class, e -> e.appointmentId().toString().equals(booked))).hasSize(1));
        Fixtures.as("registrar").get("/api/waitlist").then().body("id", not(hasItem(secondEntry)))
                .body("id", hasItem(firstEntry));
    }

    @Test
    void declinedOfferLeavesTheSlotFreeWhenNobodyElseWaits() {
        String doctor = Fixtures.doctor("allergist");
        String slot = Fixtures.slot(doctor, 3 * 24 * 60, 30);
        String appointment = Fixtures.book(Fixtures.patient(), slot);
        String entry = join(Fixtures.patient(), Map.of("doctorId", doctor));

        Fixtures.as("registrar").body(Map.of("reason", "отмена"))
                .post("/api/appointments/" + appointment + "/cancel").then().statusCode(200);
        WaitlistOffered offer = awaitOffer(entry);
        Fixtures.as("service").post("/api/waitlist/offers/" + offer.offerId() + "/decline")
                .then().statusCode(200).body("status", equalTo("DECLINED"));
        Fixtures.as("registrar").get("/api/slots?doctorId=" + doctor).then().body("id", hasItem(slot));
    }

    private static String join(String patient, Map<String, String> target) {
        Map<String, Object> body = new java.util.HashMap<>(target);
        body.put("patientId", patient);
        body.put("from", LocalDate.now(Fixtures.MOSCOW).toString());
        body.put("to", LocalDate.now(Fixtures.MOSCOW).plusDays(10).toString());
        return Fixtures.as("service").body(body).post("/api/waitlist")
                .then().statusCode(201).body("status", equalTo("WAITING")).extract().path("id");
    }

    private static WaitlistOffered awaitOffer(String entryId) {
        UUID entry = UUID.fromString(entryId);
        await().atMost(Duration.ofSeconds(30)).until(() -> !offers(entry).isEmpty());
        return offers(entry).get(0);
    }

    private static List<WaitlistOffered> offers(UUID entry) {
        return tap.events(WaitlistOffered.class, e -> e.waitlistEntryId().equals(entry));
    }
}
