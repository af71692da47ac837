package ru.yavka.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import ru.yavka.contracts.events.EventMeta;
import ru.yavka.contracts.events.PatientDataErased;
import ru.yavka.contracts.events.PatientErasureRequested;
import ru.yavka.contracts.events.YavkaEvent;
import ru.yavka.contracts.kafka.EventSerializer;
import ru.yavka.contracts.kafka.Topics;
import ru.yavka.contracts.testing.EventTap;
import ru.yavka.integration.config.RedisKeys;
import ru.yavka.integration.testing.SimulatorClient;

/**
 * PatientErasureRequested: the patient's card and counterparty links, the cached card and the
 * services billed for their visits are gone here (the posted document stays in 1C), and
 * PatientDataErased is published once however often the request is delivered.
 */
@QuarkusTest
class ErasureTest {

    @Inject
    CircuitBreakerMaintenance breakers;
    @Inject
    Pool pool;
    @Inject
    RedisDataSource redis;
    @Inject
    RedisKeys redisKeys;

    private final SimulatorClient sim = TestStack.simulator();

    @BeforeEach
    void fresh() {
        sim.reset();
        breakers.resetAll();
    }

    @Test
    void erasureForgetsWhatTiesThePatientTo1CAndConfirmsOnceWhenDeliveredTwice() throws Exception {
        List<String> slots = doctorWithSlots("erasure-doctor", 10, 2);
        String patient = Api.patient("Стёпина Ольга Игоревна");
        UUID patientId = UUID.fromString(patient);
        String visited = Api.book(patient, slots.get(0));
        String upcoming = Api.book(patient, slots.get(1));
        awaitPushed(visited, upcoming);
        Api.as("registrar").get("/api/integration/patients/" + patient + "/card").then().statusCode(200);
        sim.visit(completed(visited));
        assertThat(Api.sync("visits").getInt("visits.report.completed")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Api.sync("billing");
            return count("select count(*) from billing_job where appointment_id = $1 and state = 'POSTED'",
                    UUID.fromString(visited)) == 1;
        });
        String cardKey = redisKeys.keyPrefix() + "1c:cache:card:" + patient;
        assertThat(count("select count(*) from patient_card where patient_id = $1", patientId)).isEqualTo(1);
        assertThat(count("select count(*) from counterparty_link where patient_id = $1", patientId)).isEqualTo(1);
        assertThat(redis.key().exists(cardKey)).isTrue();

        UUID marker = UUID.randomUUID();
        try (EventTap tap = EventTap.onRun(); KafkaProducer<String, YavkaEvent> producer = producer()) {
            PatientErasureRequested request = erasure(patient, patientId);
            send(producer, patient, request);
            send(producer, patient, request);
            // Same key, same partition: once this one is confirmed, the redelivery before it was consumed too.
            send(producer, patient, erasure(patient, marker));
            await().atMost(Duration.ofSeconds(60)).until(() -> !confirmations(tap, marker).isEmpty()
                    && !confirmations(tap, patientId).isEmpty());

            assertThat(confirmations(tap, patientId)).singleElement().satisfies(erased -> {
                assertThat(erased.categories()).contains("1c-card-link", "1c-counterparty-link", "billed-services");
                assertThat(erased.reason()).isEqualTo("consent withdrawn");
            });
        }
        assertThat(count("select count(*) from patient_card where patient_id = $1", patientId)).isZero();
        assertThat(count("select count(*) from counterparty_link where patient_id = $1", patientId)).isZero();
        assertThat(count("select count(*) from billing_job where patient_id = $1"
                + " and (services <> '[]'::jsonb or counterparty_key is not null)", patientId)).isZero();
        assertThat(count("select count(*) from billing_job where patient_id = $1 and state = 'POSTED'", patientId))
                .as("the posted document stays, as 1C's accounting record").isEqualTo(1);
        assertThat(count("select count(*) from appointment_push where patient_id = $1 and pushed_version >= version"
                + " and (doctor_id is not null or slot_id is not null or start_at is not null"
                + " or specialty is not null)",
                patientId)).isZero();
        assertThat(redis.key().exists(cardKey)).isFalse();
        assertThat(redis.key().keys(redisKeys.keyPrefix() + "*" + patient + "*")).isEmpty();
    }

    @Test
    void theCancellationsOfAnErasureReach1CWithoutThePatientAndLeaveNoCardLink() throws Exception {
        List<String> slots = doctorWithSlots("erasure-booking-doctor", 11, 1);
        String patient = Api.patient("Отзывова Нина Павловна");
        UUID patientId = UUID.fromString(patient);
        String appointment = Api.book(patient, slots.get(0));
        awaitPushed(appointment);

        try (EventTap tap = EventTap.onRun()) {
            Api.booking("registrar").body(Map.of("reason", "отзыв согласия", "channel", "STAFF"))
                    .post("/api/patients/" + patient + "/erasure").then().statusCode(200);
            await().atMost(Duration.ofSeconds(60)).until(() -> !confirmations(tap, patientId).isEmpty());
        }
        // booking-service cancelled the appointment as part of the erasure; 1C hears of it by the appointment's id.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            Api.sync("appointments");
            return "CANCELLED".equals(sim.appointment(appointment).path("status").asText());
        });
        assertThat(sim.appointment(appointment).path("hadPatientDetails").asBoolean()).isFalse();
        assertThat(count("select count(*) from patient_card where patient_id = $1", patientId)).isZero();
        assertThat(redis.key().keys(redisKeys.keyPrefix() + "*" + patient + "*")).isEmpty();
    }

    private static PatientErasureRequested erasure(String aggregate, UUID patientId) {
        return new PatientErasureRequested(EventMeta.next(aggregate, 9, Instant.now()), patientId, "registrar",
                "STAFF", "consent withdrawn");
    }

    private static List<PatientDataErased> confirmations(EventTap tap, UUID patientId) {
        return tap.events(PatientDataErased.class,
                e -> e.patientId().equals(patientId) && "integration-1c-service".equals(e.service()));
    }

    private static KafkaProducer<String, YavkaEvent> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config("kafka.bootstrap.servers"),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new EventSerializer());
    }

    private static void send(KafkaProducer<String, YavkaEvent> producer, String key, YavkaEvent event)
            throws Exception {
        producer.send(new ProducerRecord<>(config("yavka.kafka.topic-prefix") + Topics.of(event), key, event))
                .get(30, TimeUnit.SECONDS);
    }

    private static String config(String name) {
        return ConfigProvider.getConfig().getValue(name, String.class);
    }

    private long count(String sql, Object... args) {
        return pool.preparedQuery(sql).execute(Tuple.from(args)).await().atMost(Duration.ofSeconds(30))
                .iterator().next().getLong(0);
    }

    private List<String> doctorWithSlots(String id, int daysAhead, int count) {
        OffsetDateTime nine = Api.at(daysAhead, 9, 0);
        ObjectNode doctor = SimulatorClient.doctorJson(id, "Ерохина Дарья Олеговна", "Невролог");
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

    private static ObjectNode completed(String appointment) {
        ObjectNode fact = SimulatorClient.mapper().put("appointmentId", appointment).put("status", "COMPLETED")
                .put("at", OffsetDateTime.now(Api.MOSCOW).withNano(0).toString());
        ArrayNode services = fact.putArray("services");
        services.addObject().put("code", "consultation").put("name", "Приём невролога")
                .put("price", new BigDecimal("2500.00")).put("quantity", BigDecimal.ONE);
        return fact;
    }
}
