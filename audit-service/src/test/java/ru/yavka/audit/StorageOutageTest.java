package ru.yavka.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import ru.yavka.audit.support.Api;
import ru.yavka.audit.support.Db;
import ru.yavka.audit.support.Events;
import ru.yavka.contracts.events.DataAccessed;

/**
 * The offset is committed only after the row is durable. The application's role loses its
 * INSERT privilege (PostgreSQL refuses every write, as in an outage or a botched migration of
 * grants) while events arrive: none is stored, and the group's committed offsets stay before all
 * of them, through several commit intervals. When writing works again every event is stored once
 * and the offsets move past them.
 */
@QuarkusTest
class StorageOutageTest {

    private static final int EVENTS = 30;

    @Inject
    MeterRegistry metrics;

    @Test
    void offsetsWaitForTheRowsAndNoEventIsLost() throws Exception {
        String role = Db.appRole();
        String group = ConfigProvider.getConfig().getValue("mp.messaging.incoming.data-accessed.group.id", String.class);
        List<DataAccessed> events = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            events.add(Events.read(UUID.randomUUID(), "registrar-" + i + "@clinic", Instant.now()));
        }
        Set<UUID> ids = events.stream().map(e -> e.meta().eventId()).collect(Collectors.toSet());
        double refusedBefore = metrics.counter("audit.store.failures").count();

        List<RecordMetadata> landed;
        Db.execute("revoke insert on audit_record from " + role);
        try {
            landed = Events.send(events);
            // Eight refusals take several seconds of back-off; commits are due every second (%test).
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> metrics.counter("audit.store.failures").count() >= refusedBefore + 8);
            assertThat(Db.stored(ids)).isZero();
            Map<TopicPartition, Long> firstOfOurs = offsets(landed, Math::min);
            Map<TopicPartition, OffsetAndMetadata> committed = committed(group);
            firstOfOurs.forEach((partition, first) -> assertThat(committed.get(partition))
                    .as("committed offset of %s while its records are not stored", partition)
                    .satisfiesAnyOf(
                            c -> assertThat(c).isNull(),
                            c -> assertThat(c.offset()).isLessThanOrEqualTo(first)));
        } finally {
            Db.execute("grant insert on audit_record to " + role);
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> Db.stored(ids) == EVENTS);
        Map<TopicPartition, Long> lastOfOurs = offsets(landed, Math::max);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<TopicPartition, OffsetAndMetadata> committed = committed(group);
            lastOfOurs.forEach((partition, last) -> assertThat(committed.get(partition))
                    .as("committed offset of %s once stored", partition)
                    .isNotNull()
                    .satisfies(c -> assertThat(c.offset()).isGreaterThan(last)));
        });
        assertThat(Db.stored(ids)).isEqualTo(EVENTS);
        Api.auditor().get("/api/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    }

    private static Map<TopicPartition, Long> offsets(List<RecordMetadata> landed,
            BinaryOperator<Long> pick) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (RecordMetadata m : landed) {
            offsets.merge(new TopicPartition(m.topic(), m.partition()), m.offset(), pick);
        }
        return offsets;
    }

    private static Map<TopicPartition, OffsetAndMetadata> committed(String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Events.bootstrap()))) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        }
    }
}
