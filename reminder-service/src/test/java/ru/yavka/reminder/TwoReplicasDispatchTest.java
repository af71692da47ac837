package ru.yavka.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;

import ru.yavka.contracts.events.AppointmentBooked;
import ru.yavka.contracts.events.ReminderDue;
import ru.yavka.contracts.events.YavkaEvent;
import ru.yavka.reminder.messaging.EventPublisher;
import ru.yavka.reminder.messaging.KafkaEventPublisher;
import ru.yavka.reminder.service.TouchDispatcher;
import ru.yavka.reminder.support.Db;
import ru.yavka.reminder.support.Db.TouchRow;
import ru.yavka.reminder.support.Events.Appointment;
import ru.yavka.reminder.support.ReminderTestBase;
import ru.yavka.reminder.support.Replica;

/**
 * Several replicas dispatch at once and one of them dies mid-batch; the patient still gets
 * every touch exactly once.
 * <p>
 * What "killed" means here: replica B claims a batch, Kafka acknowledges the first 7 of its
 * ReminderDue records, and then B stops inside its transaction; the test terminates B's
 * database session with {@code pg_terminate_backend}, which is what PostgreSQL sees when the
 * process of a replica dies: the transaction is rolled back and its row locks are released.
 * B's JVM thread is abandoned, not the JVM itself.
 */
@QuarkusTest
class TwoReplicasDispatchTest extends ReminderTestBase {

    static final int APPOINTMENTS = 60;
    static final int BATCH = 20;
    static final int ACKED_BEFORE_DEATH = 7;

    @Inject
    Vertx vertx;

    private static String config(String name) {
        return ConfigProvider.getConfig().getValue(name, String.class);
    }

    /** A real Kafka publisher with a hook before each send; it remembers what it published. */
    static final class ScriptedPublisher implements EventPublisher {

        interface Hook {
            void beforePublish(int alreadyPublished, List<CompletableFuture<Void>> acks) throws Exception;
        }

        final KafkaEventPublisher kafka;
        final Hook hook;
        final List<String> publishedKeys = new ArrayList<>();
        final List<CompletableFuture<Void>> acks = new ArrayList<>();

        ScriptedPublisher(String clientId, Hook hook) {
            this.kafka = new KafkaEventPublisher(config("kafka.bootstrap.servers"), config("yavka.kafka.topic-prefix"),
                    Map.of("client.id", clientId));
            this.hook = hook;
        }

        @Override
        public synchronized CompletableFuture<Void> publish(String key, YavkaEvent event) {
            try {
                hook.beforePublish(publishedKeys.size(), acks);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            CompletableFuture<Void> ack = kafka.publish(key, event);
            publishedKeys.add(((ReminderDue) event).idempotencyKey());
            acks.add(ack);
            return ack;
        }
    }

    /** Thrown into the abandoned replica's thread at the end, so it unwinds. */
    static final class ReplicaKilled extends Error {
    }

    private List<Appointment> bookMany(Instant start) {
        // Touches other tests left due by then go out first, so the replicas below see only these.
        clock.set(start.minus(Duration.ofHours(1)));
        jobs.dispatchDue();
        clock.set(start.minus(Duration.ofHours(72)));
        List<Appointment> appointments = new ArrayList<>();
        List<AppointmentBooked> booked = new ArrayList<>();
        for (int i = 0; i < APPOINTMENTS; i++) {
            Appointment appointment = Appointment.at(start);
            appointments.add(appointment);
            booked.add(events.send(appointment.booked(clock.instant())));
        }
        booked.forEach(this::awaitProcessed);
        return appointments;
    }

    @Test
    void everyTouchIsEmittedOnceAsThePatientSeesItWhileAReplicaDiesMidBatch() throws Exception {
        Instant start = moscow("2030-08-20T15:00");
        List<Appointment> appointments = bookMany(start);
        Set<UUID> ids = appointments.stream().map(Appointment::id).collect(Collectors.toSet());
        // All three messages of every appointment are due at once: 180 touches, 9 batches of 20.
        clock.set(start.minus(Duration.ofHours(1)));

        CountDownLatch aHoldsABatch = new CountDownLatch(1);
        CountDownLatch bDying = new CountDownLatch(1);
        CountDownLatch bKilled = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);

        // A claims a batch, then waits inside its transaction until B has died: B's claim must skip A's rows.
        ScriptedPublisher publisherA = new ScriptedPublisher("replica-a", (n, acks) -> {
            if (n == 0) {
                aHoldsABatch.countDown();
                if (!bKilled.await(60, TimeUnit.SECONDS)) {
                    throw new AssertionError("replica B never claimed a batch of its own while A held one");
                }
            }
        });
        // B gets 7 records acknowledged by Kafka, then stops where a crash would stop it.
        ScriptedPublisher publisherB = new ScriptedPublisher("replica-b", (n, acks) -> {
            if (n == ACKED_BEFORE_DEATH) {
                CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
                bDying.countDown();
                release.await();
                throw new ReplicaKilled();
            }
        });
        ScriptedPublisher publisherB2 = new ScriptedPublisher("replica-b-restarted", (n, acks) -> {
        });

        String bSession = "replica-b-" + UUID.randomUUID().toString().substring(0, 8);
        try (Replica a = new Replica("replica-a", vertx, publisherA, clock, BATCH);
             Replica b = new Replica(bSession, vertx, publisherB, clock, BATCH);
             Replica b2 = new Replica("replica-b-restarted", vertx, publisherB2, clock, BATCH)) {
            AtomicReference<Throwable> aFailure = new AtomicReference<>();
            AtomicReference<Throwable> b2Failure = new AtomicReference<>();
            Thread threadA = run("replica-a", a.dispatcher(), aFailure);
            assertThat(aHoldsABatch.await(60, TimeUnit.SECONDS)).as("A claimed a batch").isTrue();
            Thread threadB = run("replica-b", b.dispatcher(), new AtomicReference<>());
            assertThat(bDying.await(60, TimeUnit.SECONDS)).as("B claimed a batch and published part of it").isTrue();

            assertThat(Replica.killSession(pool, bSession)).as("B's session killed").isEqualTo(1);
            bKilled.countDown();
            Thread threadB2 = run("replica-b-restarted", b2.dispatcher(), b2Failure);
            threadA.join(120_000);
            threadB2.join(120_000);
            release.countDown();
            threadB.join(30_000);
            assertThat(aFailure.get()).as("replica A").isNull();
            assertThat(b2Failure.get()).as("replica B restarted").isNull();

            // Whatever a replica left due (a lock released late) goes out with the next run.
            jobs.dispatchDue();
        } finally {
            publisherA.kafka.close();
            publisherB.kafka.close();
            publisherB2.kafka.close();
        }

        // The database: every message touch of these appointments went out.
        List<TouchRow> rows = ids.stream().flatMap(id -> Db.touches(pool, id).stream())
                .filter(t -> t.action().equals("MESSAGE")).toList();
        assertThat(rows).hasSize(3 * APPOINTMENTS);
        assertThat(rows).extracting(TouchRow::status).containsOnly("SENT");
        Set<String> plannedKeys = rows.stream().map(TouchRow::idempotencyKey).collect(Collectors.toSet());

        // Kafka: what the gateway reads. Copies of one key are the very same event.
        List<ReminderDue> received = inbox.sync().stream().filter(r -> ids.contains(r.appointmentId())).toList();
        Map<String, List<ReminderDue>> byKey = received.stream()
                .collect(Collectors.groupingBy(ReminderDue::idempotencyKey));
        assertThat(byKey.keySet()).as("after the gateway's dedupe, each touch once").isEqualTo(plannedKeys);
        byKey.values().forEach(copies -> assertThat(new HashSet<>(copies)).hasSize(1));

        // The only second copies are the 7 records B got acknowledged before it died (its commit never came).
        Set<String> resent = byKey.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        Set<String> bAckedBeforeDeath = new HashSet<>(publisherB.publishedKeys);
        assertThat(bAckedBeforeDeath).hasSize(ACKED_BEFORE_DEATH);
        assertThat(resent).isEqualTo(bAckedBeforeDeath);
        assertThat(byKey.values()).allSatisfy(copies -> assertThat(copies.size()).isLessThanOrEqualTo(2));

        // While A held its first batch, B's claim skipped those rows and locked others.
        assertThat(publisherA.publishedKeys.subList(0, BATCH)).doesNotContainAnyElementsOf(bAckedBeforeDeath);
        // The live replicas never published the same touch: their claims were disjoint.
        assertThat(keysOf(publisherA, plannedKeys)).doesNotContainAnyElementsOf(keysOf(publisherB2, plannedKeys));
    }

    /** The touches a replica published; none of them twice. */
    private static Set<String> keysOf(ScriptedPublisher publisher, Set<String> planned) {
        List<String> mine = publisher.publishedKeys.stream().filter(planned::contains).toList();
        Set<String> unique = new HashSet<>(mine);
        assertThat(unique).as("a replica published a touch twice").hasSize(mine.size());
        return unique;
    }

    private static Thread run(String name, TouchDispatcher dispatcher, AtomicReference<Throwable> failure) {
        Thread thread = new Thread(() -> {
            try {
                dispatcher.dispatchDue();
            } catch (ReplicaKilled killed) {
                // the abandoned replica unwinding
            } catch (Throwable t) {
                failure.set(t);
            }
        }, name);
        thread.start();
        return thread;
    }

    @Test
    void withTheBrokerDownTouchesStayPlannedAndGoOutWhenItIsBack() {
        Instant start = moscow("2030-08-22T15:00");
        Appointment appointment = Appointment.at(start);
        clock.set(start.minus(Duration.ofHours(72)));
        apply(appointment.booked(clock.instant()));
        clock.set(start.minus(Duration.ofHours(1)));

        KafkaEventPublisher nowhere = new KafkaEventPublisher("127.0.0.1:1", config("yavka.kafka.topic-prefix"),
                Replica.deadBrokerProducer());
        try (Replica cutOff = new Replica("replica-cut-off", vertx, nowhere, clock, BATCH)) {
            TouchDispatcher.Result result = cutOff.dispatcher().dispatchDue();
            assertThat(result.sent()).isZero();
            assertThat(result.failed()).isPositive();
        } finally {
            nowhere.close();
        }
        List<TouchRow> afterOutage = Db.touches(pool, appointment.id());
        assertThat(afterOutage).extracting(TouchRow::status).containsOnly("PLANNED");

        // Kafka is back (the service's own producer): everything due goes out, once.
        jobs.dispatchDue();
        assertThat(inbox.sync(appointment.id())).extracting(ReminderDue::touchKind)
                .containsExactly("T_MINUS_48H", "T_MINUS_24H", "T_MINUS_2H");
    }
}
