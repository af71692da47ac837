package ru.yavka.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import ru.yavka.audit.support.Api;
import ru.yavka.audit.support.Db;
import ru.yavka.audit.support.Events;
import ru.yavka.contracts.events.DataAccessed;
import ru.yavka.contracts.kafka.EventJson;

/** DataAccessed from the run's real topic into the chain: each event once, the chain intact. */
@QuarkusTest
class IngestTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    MeterRegistry metrics;

    @Test
    void everyEventIsStoredOnceAndTheChainVerifies() throws Exception {
        Instant at = Instant.parse("2026-12-03T09:15:00.123456789Z");
        List<UUID> patients = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<DataAccessed> events = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            events.add(Events.access(patients.get(i % 3), "registrar-" + (i % 4) + "@clinic", "registrar",
                    DataAccessed.Action.values()[i % DataAccessed.Action.values().length], "medical-care-scheduling",
                    "booking-service", at.plusSeconds(i)));
        }
        Set<UUID> ids = events.stream().map(e -> e.meta().eventId()).collect(Collectors.toSet());
        double duplicatesBefore = metrics.counter("audit.records.duplicates").count();

        Events.send(events);
        // Redeliveries: a producer retry, or a service relaying its outbox again after a crash.
        // One of them claims different content under the same event id; the first stored wins.
        DataAccessed first = events.get(0);
        DataAccessed forged = new DataAccessed(first.meta(), "someone-else", "admin", first.patientId(),
                first.recordType(), first.recordId(), DataAccessed.Action.DELETE, "other", first.service());
        List<DataAccessed> again = new ArrayList<>(events.subList(0, 15));
        again.add(forged);
        Events.send(again);

        await().atMost(PATIENCE).until(() -> Db.stored(ids) == 40
                && metrics.counter("audit.records.duplicates").count() >= duplicatesBefore + 16);
        assertThat(Db.stored(ids)).isEqualTo(40);
        assertThat(Db.count("select count(distinct event_id) from audit_record where event_id = any(?)",
                (Object) ids.toArray(UUID[]::new))).isEqualTo(40);

        try (Connection c = Db.owner();
             PreparedStatement s = c.prepareStatement("select actor, actor_role, patient_id, action, purpose, service,"
                     + " occurred_at from audit_record where event_id = ?")) {
            s.setObject(1, first.meta().eventId());
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("actor")).isEqualTo(first.actor());
                assertThat(rs.getString("actor_role")).isEqualTo("registrar");
                assertThat(rs.getObject("patient_id")).isEqualTo(first.patientId());
                assertThat(rs.getString("action")).isEqualTo(first.action().name());
                assertThat(rs.getString("purpose")).isEqualTo("medical-care-scheduling");
                assertThat(rs.getString("service")).isEqualTo("booking-service");
                assertThat(rs.getTimestamp("occurred_at").toInstant())
                        .isEqualTo(first.meta().occurredAt().truncatedTo(ChronoUnit.MICROS));
            }
        }
        assertThat(Db.longs("select seq from audit_record order by seq"))
                .as("one line: 1, 2, 3 ... without gaps or forks")
                .isEqualTo(LongStream.rangeClosed(1, Db.count("select count(*) from audit_record"))
                        .boxed().toList());

        Api.auditor().get("/api/audit/verify").then().statusCode(200)
                .body("intact", equalTo(true))
                .body("checked", equalTo((int) Db.count("select count(*) from audit_record")))
                .body("head.sequence", equalTo((int) Db.count("select max(seq) from audit_record")));
    }

    @Test
    void anEventThatCanNeverBeStoredGoesToTheDeadLetterTopicAndTheRestFlows() throws Exception {
        UUID patient = UUID.randomUUID();
        byte[] garbage = "this is not JSON".getBytes(StandardCharsets.UTF_8);
        byte[] noEnvelope = "{\"actor\":\"x\",\"action\":\"READ\"}".getBytes(StandardCharsets.UTF_8);
        // PostgreSQL text cannot hold a NUL character: a data exception, not an outage.
        DataAccessed nul = Events.access(patient, "bad\u0000actor", "registrar", DataAccessed.Action.READ,
                "medical-care-scheduling", "booking-service", Instant.now());
        DataAccessed fine = Events.read(patient, "registrar@clinic", Instant.now());

        Events.sendRaw(Arrays.asList(garbage, noEnvelope, EventJson.toBytes(nul), null));
        Events.send(List.of(fine));

        await().atMost(PATIENCE).until(() -> Db.stored(Set.of(fine.meta().eventId())) == 1);
        List<ConsumerRecord<String, byte[]>> dead = deadLetters(4);
        // Unreadable bytes go as they came, an event that was read goes as it was read, and the
        // tombstone (no value at all) goes too.
        assertThat(dead).filteredOn(r -> r.value() != null).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .contains(new String(garbage, StandardCharsets.UTF_8))
                .anySatisfy(v -> assertThat(v).contains("\"meta\":null", "\"actor\":\"x\""))
                .anySatisfy(v -> assertThat(v).contains(nul.meta().eventId().toString()));
        assertThat(dead).allSatisfy(r -> assertThat(r.headers().lastHeader("dead-letter-reason")).isNotNull());
        assertThat(Db.stored(Set.of(nul.meta().eventId()))).isZero();
        Api.auditor().get("/api/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    }

    private static List<ConsumerRecord<String, byte[]>> deadLetters(int atLeast) {
        List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Events.bootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, 1000),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Events.topic() + "-dlq"));
            await().atMost(PATIENCE).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
                return received.size() >= atLeast;
            });
        }
        return received;
    }
}
