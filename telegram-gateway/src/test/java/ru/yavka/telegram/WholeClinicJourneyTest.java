package ru.yavka.telegram;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import ru.yavka.contracts.testing.TestTokens;
import ru.yavka.telegram.standin.BotApiStandIn.ChatMessage;
import ru.yavka.telegram.support.ChatUser;
import ru.yavka.telegram.support.Clinic;
import ru.yavka.telegram.support.Events;
import ru.yavka.telegram.support.WholeClinic;

/**
 * 152-FZ across the whole clinic. A patient's journey in Telegram (consent, registration with a
 * typed name and birth date, the shared phone, a booking, a reminder answered, symptoms typed in
 * the chat) runs through the gateway and the real booking, reminder, triage, audit, integration-1c
 * and notification services, with a doctor and slot that came from 1C (so the appointment, and
 * who the patient is, goes back to 1C); a registrar then opens the day's schedule and the
 * reminder timeline in the staff PWA's API. Afterwards:
 * <ul>
 * <li>audit-service lists, for this patient, the accesses of every service that touched the
 * patient's data, the registrar's among them, and its hash chain is intact;</li>
 * <li>no line that any of the seven services logged, exceptions included, holds the patient's
 * name, birth date, phone, chat id or symptoms.</li>
 * </ul>
 */
@QuarkusTest
@TestProfile(WholeClinic.class)
class WholeClinicJourneyTest {

    /** What ChatUser.register types for a new patient. */
    private static final String TYPED_NAME = "Тестов Тест Тестович";
    private static final String TYPED_BIRTH_DATE = "14.03.1985";
    private static final String SYMPTOMS = "Второй день ломит поясницу, отдаёт в ногу";
    private static final String REGISTRAR = "registrar@test.yavka";
    /** The services whose own logs are files; the gateway's is captured in-process. */
    private static final List<String> LOGGED_SERVICES = List.of("booking", "reminder", "triage", "audit",
            "integration", "notification");

    private static final Queue gatewayLog = new Queue();
    private static Events events;

    @BeforeAll
    static void capture() {
        Logger.getLogger("").addHandler(gatewayLog);
        events = new Events();
    }

    @AfterAll
    static void release() {
        Logger.getLogger("").removeHandler(gatewayLog);
        events.close();
    }

    @Test
    void everyServiceThatTouchedThePatientIsOnTheAuditRecordAndNoneLoggedTheirData() throws IOException {
        // Three days ahead: no real reminder falls due while the test runs; the one it answers is sent below.
        publishInOneC("Почкин Олег Игоревич", "Уролог", 3, 12);
        String phone = Clinic.phone();
        ChatUser user = ChatUser.newcomer();
        user.register(phone, false);
        bookTheUrologist(user);

        String patient = Clinic.byPhone(phone).getString("id");
        Map<String, Object> appointment = Clinic.appointmentsOf(patient).get(0);
        String appointmentId = (String) appointment.get("id");
        answerAReminder(user, patient, appointmentId);

        user.send(SYMPTOMS);
        user.awaitText("вам подойдёт специалист");

        staffOpenTheScheduleAndTheReminderTimeline(appointmentId);

        auditRecordNamesEveryServiceThatTouchedThePatient(patient);

        List<String> secrets = List.of(TYPED_NAME, "Тестов", TYPED_BIRTH_DATE, "1985-03-14", phone,
                phone.substring(1), phone.substring(2), Long.toString(user.id()), SYMPTOMS);
        Map<String, String> logs = logs();
        for (String secret : secrets) {
            logs.forEach((service, log) -> assertThat(log).as(service + "'s log").doesNotContain(secret));
        }
    }

    private static void bookTheUrologist(ChatUser user) {
        user.send("📅 Записаться");
        user.awaitText("Как будем выбирать?");
        user.press("По специальности");
        user.awaitText("Выберите специальность");
        user.pressPaged("Уролог");
        ChatMessage days = user.awaitText("Выберите день (Уролог)");
        user.press(days.labels().get(0));
        user.awaitText("Свободное время на");
        user.press("12:00 · Почкин О. И.");
        user.awaitText("Проверьте запись");
        user.press("Записаться");
        user.awaitText("Вы записаны!");
    }

    private static void answerAReminder(ChatUser user, String patient, String appointmentId) {
        String text = "Напоминаем: через три дня в 12:00 у вас приём.";
        events.send(appointmentId, Events.reminder("touch-" + UUID.randomUUID(), UUID.fromString(appointmentId),
                UUID.fromString(patient), text, Instant.now().plus(3, ChronoUnit.DAYS),
                List.of("CONFIRM", "RESCHEDULE", "CANCEL")));
        user.awaitText(text);
        user.press("✅ Подтвердить");
        user.awaitText("Вы подтвердили визит");
    }

    /**
     * A doctor with one slot, published by 1C:Медицина and brought into booking-service by the
     * schedule sync an admin starts from the PWA.
     */
    private static void publishInOneC(String fullName, String specialty, int daysAhead, int hour) {
        OffsetDateTime start = OffsetDateTime.now(Clinic.MOSCOW).truncatedTo(ChronoUnit.DAYS).plusDays(daysAhead)
                .withHour(hour);
        String doctor = """
                {"id": "journey-doctor", "fullName": "%s", "specialty": "%s", "branch": "Центр",
                 "address": "%s", "slots": [{"id": "journey-slot", "start": "%s", "durationMinutes": 30}]}
                """.formatted(fullName, specialty, Clinic.ADDRESS, start);
        given().baseUri(config("yavka.test.1c-simulator-url")).contentType(ContentType.JSON).body(doctor)
                .post("/__sim/schedule/doctors").then().statusCode(200);
        JsonPath sync = pwa("admin").queryParam("scope", "schedule").post("/api/integration/sync")
                .then().statusCode(200).extract().jsonPath();
        assertThat(sync.getInt("schedule.report.doctorsCreated")).isEqualTo(1);
        assertThat(sync.getInt("schedule.report.slotsCreated")).isEqualTo(1);
    }

    /** The registrar's PWA calls go through notification-service's routes with the registrar's own token. */
    private static void staffOpenTheScheduleAndTheReminderTimeline(String appointmentId) {
        LocalDate day = LocalDate.now(Clinic.MOSCOW).plusDays(3);
        List<String> schedule = pwa("registrar").queryParam("date", day.toString()).get("/api/appointments")
                .then().statusCode(200).extract().jsonPath().getList("id");
        assertThat(schedule).contains(appointmentId);
        // reminder-service plans the touches when AppointmentBooked reaches it over Kafka.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(pwa("registrar").queryParam("appointmentId", appointmentId).get("/api/reminders")
                        .then().statusCode(200).extract().jsonPath().getList("$")).isNotEmpty());
    }

    private static void auditRecordNamesEveryServiceThatTouchedThePatient(String patient) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonPath page = pwa("auditor").queryParam("patientId", patient).queryParam("size", 200)
                    .get("/api/audit").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            assertThat(items).extracting(item -> item.get("service")).contains("telegram-gateway",
                    "booking-service", "triage-service", "reminder-service", "integration-1c-service");
            assertThat(items).filteredOn(item -> REGISTRAR.equals(item.get("actor")))
                    .extracting(item -> item.get("service")).contains("booking-service", "reminder-service");
        });
        JsonPath verification = pwa("auditor").get("/api/audit/verify").then().statusCode(200).extract().jsonPath();
        assertThat(verification.getBoolean("intact")).isTrue();
        assertThat(verification.getLong("checked")).isPositive();
    }

    private static RequestSpecification pwa(String role) {
        return given().baseUri(config("yavka.test.notification-url")).header("Authorization", TestTokens.bearer(role));
    }

    /** Every service's log, each checked to hold its own lines, so that an empty search means something. */
    private static Map<String, String> logs() throws IOException {
        Map<String, String> logs = new LinkedHashMap<>();
        assertThat(gatewayLog).isNotEmpty();
        logs.put("telegram-gateway", String.join("\n", gatewayLog));
        for (String service : LOGGED_SERVICES) {
            String log = Files.readString(Path.of(config("yavka.test." + service + "-log")), StandardCharsets.UTF_8);
            assertThat(log).as(service + "'s log").contains("powered by Quarkus");
            logs.put(service, log);
        }
        return logs;
    }

    private static String config(String key) {
        return ConfigProvider.getConfig().getValue(key, String.class);
    }

    /** Every record the gateway logs (the stand-ins excepted: they play Telegram), formatted, with any exception. */
    private static final class Queue extends Handler implements Iterable<String> {

        private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

        @Override
        public void publish(LogRecord record) {
            if (record.getLoggerName() != null && record.getLoggerName().startsWith("ru.yavka.telegram.standin")) {
                return;
            }
            String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
            StringBuilder line = new StringBuilder(record.getLoggerName() + " " + message);
            for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                line.append(" | ").append(t);
            }
            lines.add(line.toString());
        }

        @Override
        public java.util.Iterator<String> iterator() {
            return new ArrayList<>(lines).iterator();
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
