package ru.yavka.integration;

import static io.restassured.RestAssured.given;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import ru.yavka.contracts.testing.TestTokens;

/** The two APIs the tests use: this service's (in-process) and the real booking-service's. */
final class Api {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private Api() {
    }

    static RequestSpecification as(String role) {
        return given().header("Authorization", TestTokens.bearer(role)).contentType(ContentType.JSON);
    }

    // ----------------------------------------------------------- this service

    static JsonPath status() {
        return as("admin").get("/api/integration/status").then().statusCode(200).extract().jsonPath();
    }

    static String breaker(String name) {
        return status().getString("breakers.find { it.name == '" + name + "' }.state");
    }

    static JsonPath sync(String... scopes) {
        RequestSpecification request = as("admin");
        for (String scope : scopes) {
            request = request.queryParam("scope", scope);
        }
        return request.post("/api/integration/sync").then().statusCode(200).extract().jsonPath();
    }

    static JsonPath schedule() {
        return as("registrar").get("/api/integration/schedule").then().statusCode(200).extract().jsonPath();
    }

    // -------------------------------------------------------- booking-service

    static RequestSpecification booking(String role) {
        return as(role).baseUri(TestStack.bookingUrl());
    }

    static Map<String, Object> doctor(String externalId) {
        List<Map<String, Object>> doctors = booking("admin").get("/api/doctors").then().statusCode(200)
                .extract().jsonPath().getList("$");
        return doctors.stream().filter(d -> externalId.equals(d.get("externalId"))).findFirst().orElse(null);
    }

    static List<Map<String, Object>> freeSlots(String doctorId) {
        return booking("admin").queryParam("doctorId", doctorId).queryParam("to",
                        OffsetDateTime.now(MOSCOW).plusDays(30).toLocalDate().toString())
                .get("/api/slots").then().statusCode(200).extract().jsonPath().getList("$");
    }

    static String staffSlot(String doctorId, OffsetDateTime start) {
        return booking("admin").body(Map.of("start", start.toString(), "durationMinutes", 30))
                .post("/api/doctors/" + doctorId + "/slots").then().statusCode(201).extract().path("id");
    }

    static String patient(String fullName) {
        String phone = "+7999" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        return booking("registrar").body(Map.of("fullName", fullName, "phone", phone, "birthDate", "1985-04-12",
                        "consent", Map.of("given", true, "version", "2026-01", "channel", "STAFF")))
                .post("/api/patients").then().statusCode(201).extract().path("id");
    }

    static String book(String patientId, String slotId) {
        return booking("registrar").body(Map.of("patientId", patientId, "slotId", slotId, "source", "STAFF"))
                .post("/api/appointments").then().statusCode(201).extract().path("id");
    }

    static void cancel(String appointmentId) {
        booking("registrar").body(Map.of("reason", "patient called"))
                .post("/api/appointments/" + appointmentId + "/cancel").then().statusCode(200);
    }

    static String appointmentStatus(String appointmentId) {
        return booking("admin").get("/api/appointments/" + appointmentId).then().statusCode(200).extract()
                .path("status");
    }

    /** A slot start {@code days} ahead at {@code hour}:{@code minute}, clinic time. */
    static OffsetDateTime at(int days, int hour, int minute) {
        return OffsetDateTime.now(MOSCOW).truncatedTo(ChronoUnit.DAYS).plusDays(days).withHour(hour).withMinute(minute);
    }
}
