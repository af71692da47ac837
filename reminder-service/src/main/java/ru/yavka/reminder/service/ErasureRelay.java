package ru.yavka.reminder.service;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.vertx.mutiny.sqlclient.Pool;

import ru.yavka.contracts.events.EventMeta;
import ru.yavka.contracts.events.PatientDataErased;
import ru.yavka.reminder.config.ReminderConfig;
import ru.yavka.reminder.messaging.EventPublisher;
import ru.yavka.reminder.repository.ErasureConfirmations;
import ru.yavka.reminder.repository.ErasureConfirmations.Pending;
import ru.yavka.reminder.repository.TouchClaims;

/**
 * Publishes PatientDataErased the way {@link TouchDispatcher} publishes ReminderDue: in one
 * transaction, claim unsent rows with {@code FOR UPDATE SKIP LOCKED}, publish, wait for the
 * acks, mark the acked rows sent, commit. A crash before the commit sends a row again with the
 * same event id, which consumers drop.
 */
@ApplicationScoped
public class ErasureRelay {

    static final String SERVICE = "reminder-service";
    private static final Logger LOG = Logger.getLogger(ErasureRelay.class);
    private static final int BATCH = 100;

    private final Pool pool;
    private final EventPublisher publisher;
    private final Clock clock;
    private final Duration publishTimeout;

    public ErasureRelay(Pool pool, EventPublisher publisher, Clock clock, ReminderConfig config) {
        this.pool = pool;
        this.publisher = publisher;
        this.clock = clock;
        this.publishTimeout = config.dispatch().publishTimeout();
    }

    @Scheduled(identity = "reminder-erasure-relay", every = "${yavka.reminder.dispatch-interval:1s}",
            concurrentExecution = ConcurrentExecution.SKIP)
    void scheduledRelay() {
        try {
            publishPending();
        } catch (RuntimeException e) {
            LOG.warnf("erasure confirmations not published, will retry: %s", e.toString());
        }
    }

    /** Publishes one batch of unsent confirmations; returns how many Kafka acknowledged. Blocking. */
    public int publishPending() {
        return TouchClaims.inTransaction(pool, conn -> {
            List<Pending> claimed = ErasureConfirmations.claimUnsent(conn, BATCH);
            Map<Pending, CompletableFuture<Void>> inFlight = new LinkedHashMap<>();
            for (Pending row : claimed) {
                inFlight.put(row, publisher.publish(row.patientId().toString(), toEvent(row)));
            }
            List<UUID> acked = awaitAcks(inFlight);
            ErasureConfirmations.markSent(conn, acked, clock.instant());
            return acked.size();
        });
    }

    private List<UUID> awaitAcks(Map<Pending, CompletableFuture<Void>> inFlight) {
        long deadline = System.nanoTime() + publishTimeout.toNanos();
        List<UUID> acked = new ArrayList<>();
        for (Map.Entry<Pending, CompletableFuture<Void>> entry : inFlight.entrySet()) {
            try {
                entry.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acked.add(entry.getKey().eventId());
            } catch (ExecutionException | TimeoutException e) {
                // Stays unsent for the next run.
                LOG.warnf("PatientDataErased %s not acknowledged by Kafka: %s", entry.getKey().eventId(), e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Kafka", e);
            }
        }
        return acked;
    }

    static PatientDataErased toEvent(Pending row) {
        // Everything comes from the row, so a re-send is the very same event.
        return new PatientDataErased(new EventMeta(row.eventId(), EventMeta.CURRENT_SCHEMA_VERSION, row.erasedAt(),
                row.patientId().toString(), 0), row.patientId(), SERVICE, row.categories(), row.reason());
    }
}
