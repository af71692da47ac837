package ru.yavka.booking;

import static io.restassured.RestAssured.given;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import ru.yavka.contracts.testing.TestTokens;

/** Builds a little clinic through the public API, the way staff and the gateway do. */
final class Fixtures {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private Fixtures() {
    }

    static RequestSpecification as(String role) {
        return given().header("Authorization", TestTokens.bearer(role)).contentType(ContentType.JSON);
    }

    static String doctor(String specialty) {
        return as("admin")
                .body(Map.of("fullName", "Иванова Анна Петровна", "specialty", specialty, "branch", "Центр",
                        "address", "Москва, ул. Тверская, 7"))
                .post("/api/doctors")
                .then().statusCode(201).extract().path("id");
    }

    /** A slot starting {@code minutesAhead} from now, on a whole minute. */
    static String slot(String doctorId, long minutesAhead, int durationMinutes) {
        OffsetDateTime start = OffsetDateTime.now(MOSCOW).truncatedTo(ChronoUnit.MINUTES).plusMinutes(minutesAhead);
        return slotAt(doctorId, start, durationMinutes);
    }

    static String slotAt(String doctorId, OffsetDateTime start, int durationMinutes) {
        return as("admin")
                .body(Map.of("start", start.toString(), "durationMinutes", durationMinutes))
                .post("/api/doctors/" + doctorId + "/slots")
                .then().statusCode(201).extract().path("id");
    }

    static String phone() {
        return "+7999" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }

    static Map<String, Object> patientBody(String fullName, String phone) {
        return Map.of("fullName", fullName, "phone", phone, "birthDate", "1985-04-12",
                "consent", Map.of("given", true, "version", "2026-01", "channel", "STAFF"));
    }

    static String patient() {
        return patient("Петров Пётр Петрович", phone());
    }

    static String patient(String fullName, String phone) {
        return as("registrar").body(patientBody(fullName, phone))
                .post("/api/patients")
                .then().statusCode(201).extract().path("id");
    }

    static String book(String patientId, String slotId) {
        return as("registrar").body(Map.of("patientId", patientId, "slotId", slotId, "source", "STAFF"))
                .post("/api/appointments")
                .then().statusCode(201).extract().path("id");
    }
}
