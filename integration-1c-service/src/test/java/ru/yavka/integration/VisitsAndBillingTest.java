package ru.yavka.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import ru.yavka.contracts.events.DataAccessed;
import ru.yavka.contracts.testing.EventTap;
import ru.yavka.integration.testing.SimulatorClient;

/**
 * 1C:Медицина's visit facts move appointments to ARRIVED and COMPLETED in booking-service; each
 * completed visit becomes one posted sales document in 1C:Бухгалтерия, with the patient as its
 * counterparty, however often the facts are read and even when 1C's answers get lost.
 */
@QuarkusTest
class VisitsAndBillingTest {

    @Inject
    CircuitBreakerMaintenance breakers;

    private final SimulatorClient sim = TestStack.simulator();

    @BeforeEach
    void fresh() {
        sim.reset();
        breakers.resetAll();
    }

    @AfterEach
    void healed() {
        sim.clearFaults();
    }

    @Test
    void arrivedAndCompletedVisitsUpdateBookingAndEachCompletedVisitIsBilledOnce() throws Exception {
        List<String> slots = doctorWithSlots("vb-doctor", 8, 2);
        String patient = Api.patient("Лаптева Ирина Сергеевна");
        String first = Api.book(patient, slots.get(0));
        String second = Api.book(patient, slots.get(1));
        awaitPushed(first, second);
        assertThat(sim.appointment(first).path("hadPatientDetails").asBoolean()
                || sim.appointment(second).path("hadPatientDetails").asBoolean())
                .as("1C got the patient's details once, to open the card").isTrue();

        try (EventTap tap = EventTap.onRun()) {
            sim.visit(fact(first, "ARRIVED", null));
            assertThat(Api.sync("visits").getInt("visits.report.arrived")).isEqualTo(1);
            assertThat(Api.appointmentStatus(first)).isEqualTo("ARRIVED");

            sim.visit(fact(first, "COMPLETED", services("consultation", "Приём невролога", "2500.00", "1",
                    "ecg", "ЭКГ", "800", "1")));
            sim.visit(fact(second, "COMPLETED", services("consultation", "Приём невролога", "2500", "1")));
            JsonPath visits = Api.sync("visits");
            assertThat(visits.getInt("visits.report.completed")).isEqualTo(2);
            assertThat(Api.appointmentStatus(first)).isEqualTo("COMPLETED");
            assertThat(Api.appointmentStatus(second)).isEqualTo("COMPLETED");
            assertThat(billing(first).getString("state")).isEqualTo("PENDING");

            assertThat(Api.sync("billing").getInt("billing.report.posted")).isGreaterThanOrEqualTo(2);
            assertThat(billing(first).getString("state")).isEqualTo("POSTED");
            assertThat(billing(second).getString("state")).isEqualTo("POSTED");

            // Read again and bill again: nothing new in 1C.
            Api.sync("visits", "billing");
            Api.sync("visits", "billing");
            JsonNode doc1 = onlyDocument(first);
            JsonNode doc2 = onlyDocument(second);
            assertThat(doc1.path("total").decimalValue()).isEqualByComparingTo("3300");
            assertThat(doc1.path("lines").asInt()).isEqualTo(2);
            assertThat(doc2.path("total").decimalValue()).isEqualByComparingTo("2500");
            for (JsonNode doc : List.of(doc1, doc2)) {
                assertThat(doc.path("posted").asBoolean()).isTrue();
                assertThat(doc.path("postCalls").asInt()).isEqualTo(1);
            }
            assertThat(billing(first).getString("documentNumber")).isEqualTo(doc1.path("number").asText());
            List<JsonNode> parties = counterparties(patient);
            assertThat(parties).as("one counterparty per patient").hasSize(1);
            assertThat(parties.get(0).path("kind").asText()).isEqualTo("ФизическоеЛицо");
            assertThat(doc1.path("counterparty").asText()).isEqualTo(parties.get(0).path("key").asText())
                    .isEqualTo(doc2.path("counterparty").asText());

            // Reading the patient and handing them to 1C are on record (152-FZ).
            UUID patientId = UUID.fromString(patient);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    tap.events(DataAccessed.class, e -> e.patientId().equals(patientId)
                            && "integration-1c-service".equals(e.service()))
                            .stream().map(DataAccessed::action).toList())
                    .contains(DataAccessed.Action.READ, DataAccessed.Action.EXPORT));
        }
    }

    @Test
    void aDocumentWhose1CAnswerIsLostIsFoundByItsMarkerNotMadeTwice() {
        List<String> slots = doctorWithSlots("lost-doctor", 9, 1);
        String patient = Api.patient("Кириллов Антон Павлович");
        String appointment = Api.book(patient, slots.get(0));
        awaitPushed(appointment);
        sim.visit(fact(appointment, "COMPLETED", services("consultation", "Приём терапевта", "1900", "1")));
        assertThat(Api.sync("visits").getInt("visits.report.completed")).isEqualTo(1);

        // 1C:Бухгалтерия does every create and Post() but its answers come after the timeout.
        sim.fault("accounting", "TIMEOUT", 1.0, 10_000, "POST");
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Api.sync("billing");
            assertThat(billing(appointment).getString("state")).isEqualTo("POSTED");
        });
        JsonNode doc = onlyDocument(appointment);
        assertThat(doc.path("posted").asBoolean()).isTrue();
        assertThat(doc.path("postCalls").asInt()).as("posted once; a lost answer is checked, not repeated")
                .isEqualTo(1);
        assertThat(counterparties(patient)).hasSize(1);
        assertThat(billing(appointment).getInt("attempts")).as("three answers were lost on the way").isEqualTo(3);
    }

    // ------------------------------------------------------------------ helpers

    private List<String> doctorWithSlots(String id, int daysAhead, int count) {
        OffsetDateTime nine = Api.at(daysAhead, 9, 0);
        ObjectNode doctor = SimulatorClient.doctorJson(id, "Егорова Дарья Олеговна", "Невролог");
        for (int i = 0; i < count; i++) {
            SimulatorClient.slot(doctor, id + "-" + i, nine.plusMinutes(30L * i), 30);
        }
        sim.doctor(doctor);
        assertThat(Api.sync("schedule").getBoolean("schedule.ok")).isTrue();
        String doctorId = (String) Api.doctor(id).get("id");
        return Api.freeSlots(doctorId).stream().map(s -> (String) s.get("id")).toList();
    }

    private void awaitPushed(String... appointments) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Api.sync("appointments");
            for (String a : appointments) {
                assertThat(sim.appointment(a).isMissingNode()).as("appointment %s in 1C", a).isFalse();
            }
        });
    }

    private static ObjectNode fact(String appointment, String status, com.fasterxml.jackson.databind.node.ArrayNode services) {
        ObjectNode fact = SimulatorClient.mapper().put("appointmentId", appointment).put("status", status)
                .put("at", OffsetDateTime.now(Api.MOSCOW).withNano(0).toString());
        if (services != null) {
            fact.set("services", services);
        }
        return fact;
    }

    private static com.fasterxml.jackson.databind.node.ArrayNode services(String... codeNamePriceQuantity) {
        com.fasterxml.jackson.databind.node.ArrayNode list = SimulatorClient.mapper().arrayNode();
        for (int i = 0; i + 3 < codeNamePriceQuantity.length; i += 4) {
            list.addObject().put("code", codeNamePriceQuantity[i]).put("name", codeNamePriceQuantity[i + 1])
                    .put("price", new java.math.BigDecimal(codeNamePriceQuantity[i + 2]))
                    .put("quantity", new java.math.BigDecimal(codeNamePriceQuantity[i + 3]));
        }
        return list;
    }

    private static JsonPath billing(String appointment) {
        return Api.as("admin").get("/api/integration/billing/" + appointment).then().statusCode(200).extract()
                .jsonPath();
    }

    private JsonNode onlyDocument(String appointment) {
        List<JsonNode> docs = sim.documents().stream()
                .filter(d -> ("yavka:visit:" + appointment).equals(d.path("marker").asText())).toList();
        assertThat(docs).as("sales documents for visit %s", appointment).hasSize(1);
        return docs.get(0);
    }

    private List<JsonNode> counterparties(String patient) {
        return sim.counterparties().stream()
                .filter(c -> ("yavka:patient:" + patient).equals(c.path("marker").asText())).toList();
    }
}
