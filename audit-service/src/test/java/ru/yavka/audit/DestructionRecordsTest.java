package ru.yavka.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import ru.yavka.audit.service.DestructionRetentionJob;
import ru.yavka.audit.support.Api;

/** The log extract for an act of destruction (Roskomnadzor Order 179), and its 3-year retention. */
@QuarkusTest
class DestructionRecordsTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @Inject
    DestructionRetentionJob retention;

    @Test
    void recordedByAnAdminOrAServiceAndExtractedPerPatient() {
        String patient = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        OffsetDateTime destroyed = OffsetDateTime.parse("2026-11-30T15:30:00Z");

        Api.as("admin").body(Map.of("patientId", patient, "dataCategories", List.of("full name", "phone", "birth date"),
                        "system", "booking-service", "reason", "consent withdrawn", "destroyedAt", destroyed.toString()))
                .post("/api/audit/destruction-records").then().statusCode(201)
                .body("patientId", equalTo(patient))
                .body("dataCategories", equalTo(List.of("full name", "phone", "birth date")))
                .body("system", equalTo("booking-service"))
                .body("reason", equalTo("consent withdrawn"))
                .body("destroyedAt", equalTo("2026-11-30T18:30:00+03:00"))
                .body("recordedBy", equalTo("admin@test.yavka"));
        OffsetDateTime before = OffsetDateTime.now(MOSCOW).truncatedTo(ChronoUnit.SECONDS);
        Api.as("service").body(Map.of("patientId", patient, "dataCategories", List.of("telegram chat id"),
                        "system", "telegram-gateway", "reason", "consent withdrawn"))
                .post("/api/audit/destruction-records").then().statusCode(201)
                .body("recordedBy", equalTo("service@test.yavka"));
        Api.as("admin").body(Map.of("patientId", other, "dataCategories", List.of("phone"),
                        "system", "reminder-service", "reason", "retention period over"))
                .post("/api/audit/destruction-records").then().statusCode(201);

        JsonPath extract = Api.auditor().queryParam("patientId", patient).get("/api/audit/destruction-records")
                .then().statusCode(200)
                .body("total", equalTo(2)).body("items", hasSize(2))
                .body("items.patientId", equalTo(List.of(patient, patient)))
                .body("items.system", equalTo(List.of("telegram-gateway", "booking-service")))
                .extract().jsonPath();
        OffsetDateTime defaulted = OffsetDateTime.parse(extract.getString("items[0].destroyedAt"));
        assertThat(defaulted).as("destroyedAt defaults to when it was recorded").isAfterOrEqualTo(before);
        assertThat(defaulted.getOffset().getId()).isEqualTo("+03:00");
    }

    @Test
    void keptThreeYearsThenPurged() {
        String patient = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(MOSCOW);
        for (OffsetDateTime destroyed : List.of(now.minusYears(3).minusDays(1), now.minusYears(3).plusDays(1),
                now.minusDays(1))) {
            Api.as("admin").body(Map.of("patientId", patient, "dataCategories", List.of("phone"),
                            "system", "booking-service", "reason", "retention period over",
                            "destroyedAt", destroyed.toString()))
                    .post("/api/audit/destruction-records").then().statusCode(201);
        }
        Api.auditor().queryParam("patientId", patient).get("/api/audit/destruction-records").then()
                .body("total", equalTo(3));

        long purged = retention.purge().await().atMost(Duration.ofSeconds(30));

        assertThat(purged).isGreaterThanOrEqualTo(1);
        JsonPath kept = Api.auditor().queryParam("patientId", patient).get("/api/audit/destruction-records")
                .then().statusCode(200).body("total", equalTo(2)).extract().jsonPath();
        assertThat(kept.getList("items.destroyedAt", String.class)).map(OffsetDateTime::parse)
                .allSatisfy(t -> assertThat(t).isAfter(now.minusYears(3)));
    }
}
