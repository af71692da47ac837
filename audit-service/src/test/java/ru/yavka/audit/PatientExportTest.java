package ru.yavka.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import ru.yavka.audit.support.Api;
import ru.yavka.contracts.testing.TestTokens;

/**
 * The access-request export (152-FZ Art. 14) against the real booking-service, started from
 * its jar by the test stack. No reminder-service runs: its URL is a closed port.
 */
@QuarkusTest
class PatientExportTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @Test
    void holdsTheBookingRecordsAndTheAuditTrailOfThePatient() {
        String patient = patient("Захарова Елена Сергеевна");
        String appointment = appointment(patient);
        String entry = waitlistEntry(patient);
        waitlistEntry(patient("Соседова Мария Ильинична"));
        Api.as("admin").body(Map.of("patientId", patient, "dataCategories", List.of("telegram chat id"),
                        "system", "telegram-gateway", "reason", "retention period over"))
                .post("/api/audit/destruction-records").then().statusCode(201);

        JsonPath export = export(patient);
        assertThat(export.getString("patientId")).isEqualTo(patient);
        assertThat(export.getString("booking.status")).isEqualTo("ok");
        assertThat(export.getString("booking.patient.fullName")).isEqualTo("Захарова Елена Сергеевна");
        assertThat(export.getList("booking.appointments.id")).containsExactly(appointment);
        // Only this patient's entries, not the other patient's on the same waitlist.
        assertThat(export.getList("booking.waitlist.id")).containsExactly(entry);
        assertThat(export.getString("booking.waitlist[0].specialty")).isEqualTo("endocrinologist");
        assertThat(export.getString("booking.waitlist[0].status")).isEqualTo("WAITING");
        assertThat(export.getList("booking.waitlist[0].offers")).isEmpty();
        assertThat(export.getString("audit.status")).isEqualTo("ok");
        assertThat(export.getList("audit.destructionRecords.system")).containsExactly("telegram-gateway");
        assertThat(Instant.parse(export.getString("generatedAt"))).isBefore(Instant.now().plusSeconds(1));
        assertThat(export.getString("generatedAt")).endsWith("Z");

        // booking-service logs the export's reads under the caller's name and the export's purpose,
        // and its DataAccessed events reach this service's log.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given()
                .header("Authorization", TestTokens.bearer("admin"))
                .get("/api/audit/patients/" + patient + "/export").then().statusCode(200)
                .body("audit.accesses.findAll { it.purpose == 'subject-access-request' }.actor",
                        hasItem("admin@test.yavka"))
                .body("audit.accesses.findAll { it.purpose == 'subject-access-request' }.service",
                        hasItem("booking-service")));
    }

    @Test
    void aServiceThatIsDownLeavesItsSectionUnavailableNotAnError() {
        String patient = patient("Никитин Олег Романович");
        appointment(patient);

        Api.as("admin").get("/api/audit/patients/" + patient + "/export").then()
                .statusCode(200)
                .body("complete", equalTo(false))
                .body("reminders.status", equalTo("unavailable"))
                .body("reminders.reason", notNullValue())
                .body("sources.reminder-service", equalTo("unavailable"))
                .body("sources.booking-service", equalTo("ok"))
                .body("booking.status", equalTo("ok"))
                .body("booking.appointments", hasSize(1))
                .body("booking.waitlist", hasSize(0));
    }

    @Test
    void theAuditorAnsweringAnAccessRequestReadsTheBookingRecordsAsThemselves() {
        String patient = patient("Белова Ирина Андреевна");
        String entry = waitlistEntry(patient);

        Api.auditor().get("/api/audit/patients/" + patient + "/export").then()
                .statusCode(200)
                .body("booking.status", equalTo("ok"))
                .body("booking.patient.fullName", equalTo("Белова Ирина Андреевна"))
                .body("booking.waitlist.id", contains(entry))
                .body("audit.status", equalTo("ok"));
    }

    @Test
    void onlyAuditorsAndAdminsMayExportAndTheIdMustBeAUuid() {
        Api.as("registrar").get("/api/audit/patients/" + UUID.randomUUID() + "/export").then()
                .statusCode(403);
        Api.as("admin").get("/api/audit/patients/not-a-uuid/export").then()
                .statusCode(400).contentType("application/problem+json");
    }

    private static JsonPath export(String patient) {
        return Api.as("admin").get("/api/audit/patients/" + patient + "/export").then()
                .statusCode(200).extract().jsonPath();
    }

    private static RequestSpecification booking(String role) {
        return given().baseUri(ConfigProvider.getConfig().getValue("yavka.test.booking-url", String.class))
                .header("Authorization", TestTokens.bearer(role)).contentType(ContentType.JSON);
    }

    private static String patient(String fullName) {
        String phone = "+7999" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        return booking("registrar").body(Map.of("fullName", fullName, "phone", phone, "birthDate", "1984-03-21",
                        "consent", Map.of("given", true, "version", "2026-01", "channel", "STAFF")))
                .post("/api/patients").then().statusCode(201).extract().path("id");
    }

    /** A place on the waitlist for any endocrinologist over the next ten days. */
    private static String waitlistEntry(String patient) {
        LocalDate today = LocalDate.now(MOSCOW);
        return booking("registrar").body(Map.of("patientId", patient, "specialty", "endocrinologist",
                        "from", today.toString(), "to", today.plusDays(10).toString()))
                .post("/api/waitlist").then().statusCode(201).extract().path("id");
    }

    private static String appointment(String patient) {
        String doctor = booking("admin").body(Map.of("fullName", "Иванова Анна Петровна", "specialty", "cardiologist",
                        "branch", "Центр", "address", "Москва, ул. Тверская, 7"))
                .post("/api/doctors").then().statusCode(201).extract().path("id");
        OffsetDateTime start = OffsetDateTime.now(MOSCOW).truncatedTo(ChronoUnit.MINUTES).plusDays(3)
                .plusMinutes(ThreadLocalRandom.current().nextInt(600));
        String slot = booking("admin").body(Map.of("start", start.toString(), "durationMinutes", 30))
                .post("/api/doctors/" + doctor + "/slots").then().statusCode(201).extract().path("id");
        return booking("registrar").body(Map.of("patientId", patient, "slotId", slot, "source", "STAFF"))
                .post("/api/appointments").then().statusCode(201).extract().path("id");
    }
}
