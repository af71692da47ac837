package ru.yavka.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import ru.yavka.contracts.events.AppointmentBooked;
import ru.yavka.contracts.events.AppointmentCancelled;
import ru.yavka.contracts.events.SlotReleased;
import ru.yavka.contracts.events.YavkaEvent;
import ru.yavka.contracts.testing.EventTap;
import ru.yavka.contracts.testing.IsolatedStackResource;
import ru.yavka.contracts.testing.KafkaBrokerProcess;
import ru.yavka.contracts.testing.TestRun;

/**
 * Kafka goes down; staff keep booking and cancelling; Kafka comes back. Every event then
 * arrives, a re-sent copy only under its own id (which consumers drop), and each appointment's
 * in version order. The broker is this test's
 * own, so stopping it disturbs no other test.
 */
@QuarkusTest
@TestProfile(OutboxDuringKafkaOutageTest.OwnBroker.class)
class OutboxDuringKafkaOutageTest {

    private static final int ROUNDS = 50;

    public static class OwnBroker implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(IsolatedStackResource.class,
                    Map.of("service", "booking_outage", "kafka", "own")));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Test
    void eventsWrittenWhileKafkaIsDownArriveOnceAndInOrder() throws Exception {
        KafkaBrokerProcess broker = IsolatedStackResource.ownBroker();
        String doctor = Fixtures.doctor("orthopedist");
        List<String> patients = new ArrayList<>();
        List<String> slots = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            patients.add(Fixtures.patient());
            slots.add(Fixtures.slot(doctor, 2 * 24 * 60 + i * 30L, 30));
        }

        broker.stop();
        Set<UUID> appointments = new HashSet<>();
        for (int i = 0; i < ROUNDS; i++) {
            String id = Fixtures.book(patients.get(i), slots.get(i));
            Fixtures.as("registrar").body(Map.of("reason", "outage " + i))
                    .post("/api/appointments/" + id + "/cancel").then().statusCode(200);
            appointments.add(UUID.fromString(id));
        }
        assertThat(pendingOutboxRows()).isGreaterThanOrEqualTo(3L * ROUNDS);

        broker.start();
        try (EventTap tap = EventTap.on(broker.bootstrap(), TestRun.topicPrefix())) {
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                assertThat(tap.events(AppointmentBooked.class, e -> appointments.contains(e.appointmentId())))
                        .hasSize(ROUNDS);
                assertThat(tap.events(AppointmentCancelled.class, e -> appointments.contains(e.appointmentId())))
                        .hasSize(ROUNDS);
                assertThat(tap.events(SlotReleased.class, e -> slots.contains(e.slotId().toString())))
                        .hasSize(ROUNDS);
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> pendingOutboxRows() == 0);

            // Kafka cannot promise a single copy across an outage: a send in flight when the broker
            // died may have been written though its answer was lost, and is sent again. What it can
            // promise, and consumers rely on, is that a copy is the same event under the same id.
            List<EventTap.Received> received = tap.received();
            Map<UUID, YavkaEvent> byId = new HashMap<>();
            for (EventTap.Received r : received) {
                YavkaEvent first = byId.putIfAbsent(r.event().meta().eventId(), r.event());
                assertThat(first == null || first.equals(r.event())).as("a re-sent event is the same event").isTrue();
            }
            // At most the one relay batch that was in flight when the broker died.
            assertThat(received.size() - byId.size()).as("copies re-sent after the outage")
                    .isLessThanOrEqualTo(ConfigProvider.getConfig().getValue("yavka.outbox.batch-size", Integer.class));
            List<EventTap.Received> once = received.stream()
                    .filter(r -> byId.remove(r.event().meta().eventId()) != null).toList();
            for (UUID appointment : appointments) {
                List<EventTap.Received> history = once.stream()
                        .filter(r -> r.event().meta().aggregateId().equals(appointment.toString()))
                        .sorted((a, b) -> Long.compare(a.event().meta().aggregateVersion(),
                                b.event().meta().aggregateVersion()))
                        .toList();
                assertThat(history).extracting(r -> r.event().meta().aggregateVersion()).containsExactly(1L, 2L);
                assertThat(history.get(0).timestamp()).as("published in version order")
                        .isLessThanOrEqualTo(history.get(1).timestamp());
            }
        }
    }

    private static long pendingOutboxRows() throws Exception {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
             ResultSet rs = c.createStatement().executeQuery(
                     "select count(*) from outbox_event where published_at is null")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
