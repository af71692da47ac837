package ru.yavka.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import ru.yavka.audit.support.Api;
import ru.yavka.audit.support.Db;
import ru.yavka.audit.support.Events;
import ru.yavka.contracts.events.PatientDataErased;

/** A service's PatientDataErased becomes one destruction record, however often it is delivered. */
@QuarkusTest
class ErasureConfirmationTest {

    @Test
    void aRedeliveredConfirmationIsRecordedOnce() throws Exception {
        UUID patient = UUID.randomUUID();
        Instant erasedAt = Instant.parse("2026-12-01T09:15:30.123456Z");
        // Written before confirmations carried a reason: the configured one is put on record.
        PatientDataErased confirmation = Events.erased(patient, "booking-service",
                List.of("full name", "phone", "birth date"), null, erasedAt);
        // Same key as the confirmation, so the same partition: once it is stored, both copies were read.
        PatientDataErased later = Events.erased(patient, "reminder-service", List.of("reminder timeline"),
                "истёк срок хранения персональных данных", erasedAt.plusSeconds(5));

        Events.send(Events.bootstrap(), Events.erasedTopic(), List.of(confirmation, confirmation, later));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> Db.count("select count(*) from destruction_record where event_id = ?",
                        later.meta().eventId()) == 1);

        assertThat(Db.count("select count(*) from destruction_record where event_id = ?",
                confirmation.meta().eventId())).isEqualTo(1);
        Api.auditor().queryParam("patientId", patient.toString()).get("/api/audit/destruction-records")
                .then().statusCode(200)
                .body("total", equalTo(2)).body("items", hasSize(2))
                .body("items[1].patientId", equalTo(patient.toString()))
                .body("items[1].dataCategories", equalTo(List.of("full name", "phone", "birth date")))
                .body("items[1].system", equalTo("booking-service"))
                .body("items[1].reason", equalTo("отзыв согласия на обработку персональных данных"))
                .body("items[1].destroyedAt", equalTo("2026-12-01T12:15:30.123456+03:00"))
                .body("items[0].system", equalTo("reminder-service"))
                .body("items[0].reason", equalTo("истёк срок хранения персональных данных"));
    }
}
