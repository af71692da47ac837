package ru.yavka.notification.support;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import ru.yavka.contracts.testing.TestTokens;

/**
 * Builds a little clinic in the real booking-service (the child process the run started), the
 * way staff and the Telegram gateway do: through its API, with tokens signed by the run's key.
 */
public final class Clinic {

    public static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private Clinic() {
    }

    public static String bookingUrl() {
        return ConfigProvider.getConfig().getValue("yavka.test.booking-url", String.class);
    }

    public static RequestSpecification booking(String role) {
        return given().baseUri(bookingUrl()).header("Authorization", TestTokens.bearer(role))
                .header("X-Access-Purpose", "tests").contentType(ContentType.JSON);
    }

    public static String doctor(String fullName, String specialty) {
        return booking("admin")
                .body(Map.of("fullName", fullName, "specialty", specialty, "branch", "Центр",
                        "address", "Москва, ул. Тверская, 7"))
                .post("/api/doctors").then().statusCode(201).extract().path("id");
    }

    public static String slotAt(String doctorId, OffsetDateTime start, int minutes) {
        return booking("admin").body(Map.of("start", start.toString(), "durationMinutes", minutes))
                .post("/api/doctors/" + doctorId + "/slots").then().statusCode(201).extract().path("id");
    }

    /** A slot starting {@code minutesAhead} from now, on a whole minute, Moscow time. */
    public static String slot(String doctorId, long minutesAhead) {
        return slotAt(doctorId, OffsetDateTime.now(MOSCOW).truncatedTo(ChronoUnit.MINUTES).plusMinutes(minutesAhead),
                30);
    }

    public static String patient(String fullName) {
        String phone = "+7999" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        return booking("registrar")
                .body(Map.of("fullName", fullName, "phone", phone, "birthDate", "1985-04-12",
                        "consent", Map.of("given", true, "version", "2026-01", "channel", "STAFF")))
                .post("/api/patients").then().statusCode(201).extract().path("id");
    }

    /** Books as the Telegram gateway does (role service) or as the front desk. */
    public static String book(String patientId, String slotId, String source) {
        return booking(source.equals("TELEGRAM") ? "service" : "registrar")
                .body(Map.of("patientId", patientId, "slotId", slotId, "source", source))
                .post("/api/appointments").then().statusCode(201).extract().path("id");
    }

    public static Instant startOf(String appointmentId) {
        return OffsetDateTime.parse(booking("registrar").get("/api/appointments/" + appointmentId)
                .then().statusCode(200).extract().path("start")).toInstant();
    }

    public static List<Map<String, Object>> doctors() {
        return booking("registrar").get("/api/doctors").then().statusCode(200).extract().jsonPath().getList("$");
    }
}
