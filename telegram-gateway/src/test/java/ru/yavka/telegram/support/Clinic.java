package ru.yavka.telegram.support;

import static io.restassured.RestAssured.given;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import ru.yavka.contracts.testing.TestTokens;

/** The real booking-service of this run, driven the way staff drive it. */
public final class Clinic {

    public static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    public static final String ADDRESS = "Москва, ул. Тверская, 7";

    private Clinic() {
    }

    public static String url() {
        return ConfigProvider.getConfig().getValue("yavka.test.booking-url", String.class);
    }

    public static RequestSpecification as(String role) {
        return given().baseUri(url()).header("Authorization", TestTokens.bearer(role)).contentType(ContentType.JSON);
    }

    public static String doctor(String specialty, String fullName) {
        return as("admin")
                .body(Map.of("fullName", fullName, "specialty", specialty, "branch", "Центр", "address", ADDRESS))
                .post("/api/doctors").then().statusCode(201).extract().path("id");
    }

    /** A slot {@code daysAhead} days from today at {@code hour}:00 Moscow time. */
    public static String slot(String doctorId, int daysAhead, int hour) {
        OffsetDateTime start = OffsetDateTime.now(MOSCOW).truncatedTo(ChronoUnit.DAYS).plusDays(daysAhead)
                .withHour(hour);
        return as("admin").body(Map.of("start", start.toString(), "durationMinutes", 30))
                .post("/api/doctors/" + doctorId + "/slots").then().statusCode(201).extract().path("id");
    }

    public static String phone() {
        return "+7999" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }

    public static String patient(String fullName, String phone) {
        return as("registrar").body(Map.of("fullName", fullName, "phone", phone, "birthDate", "1985-04-12",
                        "consent", Map.of("given", true, "version", "2026-01", "channel", "STAFF")))
                .post("/api/patients").then().statusCode(201).extract().path("id");
    }

    public static String book(String patientId, String slotId) {
        return as("registrar").body(Map.of("patientId", patientId, "slotId", slotId, "source", "STAFF"))
                .post("/api/appointments").then().statusCode(201).extract().path("id");
    }

    public static JsonPath appointment(String id) {
        return as("registrar").get("/api/appointments/" + id).then().statusCode(200).extract().jsonPath();
    }

    public static List<Map<String, Object>> appointmentsOf(String patientId) {
        return as("registrar").get("/api/appointments?patientId=" + patientId).then().statusCode(200).extract()
                .jsonPath().getList("$");
    }

    public static void cancel(String appointmentId) {
        as("registrar").body(Map.of("reason", "клиника отменила приём"))
                .post("/api/appointments/" + appointmentId + "/cancel").then().statusCode(200);
    }

    /** The patient booking-service has for the phone, or null. */
    public static JsonPath byPhone(String phone) {
        var response = as("registrar").queryParam("phone", phone).get("/api/patients/lookup");
        return response.statusCode() == 200 ? response.jsonPath() : null;
    }

    public static JsonPath byChat(long chatId) {
        var response = as("registrar").queryParam("telegramChatId", chatId).get("/api/patients/lookup");
        return response.statusCode() == 200 ? response.jsonPath() : null;
    }
}
