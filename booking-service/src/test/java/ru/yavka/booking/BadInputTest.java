package ru.yavka.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Every endpoint refuses bad input with problem+json naming the field, and writes nothing. */
@QuarkusTest
class BadInputTest {

    private static final String UNKNOWN = UUID.randomUUID().toString();
    private static String doctor;
    private static String slot;
    private static String patient;

    @BeforeEach
    void clinic() {
        if (doctor != null) {
            return;
        }
        doctor = Fixtures.doctor("urologist");
        slot = Fixtures.slot(doctor, 3 * 24 * 60, 30);
        patient = Fixtures.patient();
    }

    static ValidatableResponse problem(ValidatableResponse response, int status, String field) {
        return response.statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(status))
                .body("field", equalTo(field));
    }

    @Test
    void patientRegistration() throws SQLException {
        long before = count("patient");
        Map<String, Object> good = Fixtures.patientBody("Козлов Иван", Fixtures.phone());
        problem(Fixtures.as("registrar").body("{\"fullName\": ").post("/api/patients").then(), 400, "body");
        problem(Fixtures.as("registrar").body(with(good, "phone", "89991234567")).post("/api/patients").then(),
                400, "phone").body("detail", containsString("E.164"));
        problem(Fixtures.as("registrar").body(without(good, "consent")).post("/api/patients").then(), 400, "consent");
        problem(Fixtures.as("registrar")
                .body(with(good, "consent", Map.of("given", false, "version", "1", "channel", "STAFF")))
                .post("/api/patients").then(), 400, "consent.given");
        problem(Fixtures.as("registrar").body(with(good, "birthDate", "1985-13-45")).post("/api/patients").then(),
                400, "birthDate");
        problem(Fixtures.as("registrar").body(with(good, "birthDate", LocalDate.now().plusDays(1).toString()))
                .post("/api/patients").then(), 400, "birthDate");
        problem(Fixtures.as("registrar").body(with(good, "telegramChatId", "abc")).post("/api/patients").then(),
                400, "telegramChatId");
        String phone = Fixtures.phone();
        Fixtures.patient("Первый", phone);
        problem(Fixtures.as("registrar").body(Fixtures.patientBody("Второй", phone)).post("/api/patients").then(),
                409, "phone");
        assertThat(count("patient")).isEqualTo(before + 1);
    }

    @Test
    void patientReads() {
        problem(Fixtures.as("registrar").get("/api/patients/not-a-uuid").then(), 400, "id");
        problem(Fixtures.as("registrar").get("/api/patients/" + UNKNOWN).then(), 404, null);
        problem(Fixtures.as("registrar").get("/api/patients/lookup").then(), 400, "phone");
        problem(Fixtures.as("registrar").queryParam("phone", "+79990000000").queryParam("telegramChatId", "1")
                .get("/api/patients/lookup").then(), 400, "telegramChatId");
        problem(Fixtures.as("registrar").queryParam("phone", "12345").get("/api/patients/lookup").then(), 400, "phone");
        problem(Fixtures.as("registrar").queryParam("phone", "+79990009999").get("/api/patients/lookup").then(),
                404, "phone");
    }

    @Test
    void booking() throws SQLException {
        long outbox = count("outbox_event");
        long appointments = count("appointment");
        Map<String, Object> good = Map.of("patientId", patient, "slotId", slot, "source", "STAFF");
        problem(Fixtures.as("registrar").body("[1,2").post("/api/appointments").then(), 400, "body");
        problem(Fixtures.as("registrar").body(without(good, "slotId")).post("/api/appointments").then(), 400, "slotId");
        problem(Fixtures.as("registrar").body(with(good, "source", "FAX")).post("/api/appointments").then(),
                400, "source");
        problem(Fixtures.as("registrar").body(with(good, "slotId", "xyz")).post("/api/appointments").then(),
                400, "slotId");
        problem(Fixtures.as("registrar").body(with(good, "patientId", UNKNOWN)).post("/api/appointments").then(),
                422, "patientId");
        problem(Fixtures.as("registrar").body(with(good, "slotId", UNKNOWN)).post("/api/appointments").then(),
                422, "slotId");
        assertThat(count("appointment")).isEqualTo(appointments);
        assertThat(count("outbox_event")).isEqualTo(outbox);
    }

    @Test
    void pastSlotCannotBeBookedOrCreated() {
        OffsetDateTime soon = OffsetDateTime.now(Fixtures.MOSCOW).plusSeconds(2);
        String passing = Fixtures.slotAt(doctor, soon, 30);
        await().atMost(Duration.ofSeconds(10)).until(() -> OffsetDateTime.now().isAfter(soon.plusSeconds(1)));
        problem(Fixtures.as("registrar").body(Map.of("patientId", patient, "slotId", passing, "source", "STAFF"))
                .post("/api/appointments").then(), 422, "slotId").body("detail", containsString("past"));
        problem(Fixtures.as("admin").body(Map.of("start", soon.minusDays(1).toString(), "durationMinutes", 30))
                .post("/api/doctors/" + doctor + "/slots").then(), 422, "start");
    }

    @Test
    void appointmentChanges() {
        for (String action : new String[] {"confirm", "arrive", "no-show"}) {
            problem(Fixtures.as("registrar").post("/api/appointments/" + UNKNOWN + "/" + action).then(), 404, null);
            problem(Fixtures.as("registrar").post("/api/appointments/bad/" + action).then(), 400, "id");
        }
        String appointment = Fixtures.book(Fixtures.patient(), Fixtures.slot(doctor, 4 * 24 * 60, 30));
        problem(Fixtures.as("registrar").body("{}").post("/api/appointments/" + appointment + "/cancel").then(),
                400, "reason");
        problem(Fixtures.as("registrar").body(Map.of("reason", "x")).post("/api/appointments/" + UNKNOWN + "/cancel")
                .then(), 404, null);
        problem(Fixtures.as("registrar").body("{}").post("/api/appointments/" + appointment + "/reschedule").then(),
                400, "slotId");
        String current = Fixtures.as("registrar").get("/api/appointments/" + appointment).then().extract()
                .path("slotId");
        problem(Fixtures.as("registrar").body(Map.of("slotId", current))
                .post("/api/appointments/" + appointment + "/reschedule").then(), 422, "slotId");
        problem(Fixtures.as("doctor").post("/api/appointments/" + appointment + "/complete").then(), 409, null);
    }

    @Test
    void listsAndCatalog() {
        problem(Fixtures.as("registrar").get("/api/appointments").then(), 400, "patientId");
        problem(Fixtures.as("registrar").get("/api/appointments?date=05.12.2026").then(), 400, "date");
        problem(Fixtures.as("registrar").get("/api/appointments?doctorId=nope").then(), 400, "doctorId");
        problem(Fixtures.as("registrar").get("/api/slots?specialty=astrologer").then(), 422, "specialty");
        problem(Fixtures.as("registrar").get("/api/slots?from=tomorrow").then(), 400, "from");
        problem(Fixtures.as("registrar").get("/api/doctors?specialty=astrologer").then(), 422, "specialty");
        problem(Fixtures.as("registrar").get("/api/doctors/" + UNKNOWN).then(), 404, null);
        problem(Fixtures.as("admin").body(Map.of("fullName", "X", "specialty", "astrologer", "branch", "b",
                "address", "a")).post("/api/doctors").then(), 422, "specialty");
        problem(Fixtures.as("admin").body(Map.of("specialty", "urologist", "branch", "b", "address", "a"))
                .post("/api/doctors").then(), 400, "fullName");
        problem(Fixtures.as("admin").body(Map.of("from", "2026-12-10", "to", "2026-12-11", "dayStart", "18:00",
                "dayEnd", "09:00", "slotMinutes", 30)).post("/api/doctors/" + doctor + "/schedule").then(),
                422, "dayEnd");
        problem(Fixtures.as("admin").body(Map.of("from", "2026-12-10", "to", "2026-12-11", "dayStart", "09:00",
                "dayEnd", "18:00", "slotMinutes", 2)).post("/api/doctors/" + doctor + "/schedule").then(),
                400, "slotMinutes");
    }

    @Test
    void waitlistAndHolds() {
        Map<String, Object> good = Map.of("patientId", patient, "specialty", "urologist",
                "from", LocalDate.now().toString(), "to", LocalDate.now().plusDays(5).toString());
        problem(Fixtures.as("service").body(without(good, "patientId")).post("/api/waitlist").then(), 400, "patientId");
        problem(Fixtures.as("service").body(with(good, "specialty", "astrologer")).post("/api/waitlist").then(),
                422, "specialty");
        problem(Fixtures.as("service").body(with(good, "to", LocalDate.now().minusDays(1).toString()))
                .post("/api/waitlist").then(), 422, "to");
        problem(Fixtures.as("service").body(with(good, "doctorId", UNKNOWN)).post("/api/waitlist").then(),
                422, "doctorId");
        problem(Fixtures.as("service").post("/api/waitlist/offers/" + UNKNOWN + "/accept").then(), 404, null);
        problem(Fixtures.as("service").post("/api/waitlist/offers/" + UNKNOWN + "/decline").then(), 404, null);

        String held = Fixtures.slot(doctor, 5 * 24 * 60, 30);
        problem(Fixtures.as("service").body("{}").post("/api/slots/" + held + "/hold").then(), 400, "holder");
        Fixtures.as("service").body(Map.of("holder", "chat-1")).post("/api/slots/" + held + "/hold")
                .then().statusCode(200).body("holder", equalTo("chat-1"));
        problem(Fixtures.as("service").body(Map.of("holder", "chat-2")).post("/api/slots/" + held + "/hold").then(),
                409, null);
        problem(Fixtures.as("service").body(Map.of("patientId", patient, "slotId", held, "source", "TELEGRAM",
                "holder", "chat-2")).post("/api/appointments").then(), 409, null)
                .body("detail", containsString("held"));
        Fixtures.as("service").body(Map.of("patientId", patient, "slotId", held, "source", "TELEGRAM",
                "holder", "chat-1")).post("/api/appointments").then().statusCode(201);
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(base);
        copy.put(key, value);
        return copy;
    }

    private static Map<String, Object> without(Map<String, Object> base, String key) {
        Map<String, Object> copy = new HashMap<>(base);
        copy.remove(key);
        return copy;
    }

    private static long count(String table) throws SQLException {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
             ResultSet rs = c.createStatement().executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
