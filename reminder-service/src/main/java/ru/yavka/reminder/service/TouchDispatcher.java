package ru.yavka.reminder.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.errors.RetriableException;
import org.jboss.logging.Logger;

import io.vertx.mutiny.sqlclient.Pool;

import ru.yavka.contracts.events.EventMeta;
import ru.yavka.contracts.events.ReminderDue;
import ru.yavka.reminder.messaging.EventPublisher;
import ru.yavka.reminder.repository.TouchClaims;
import ru.yavka.reminder.repository.TouchClaims.DueMessage;

/**
 * Sends due touches exactly once as the patient sees it. Per batch, in one transaction:
 * claim due PLANNED rows with {@code FOR UPDATE SKIP LOCKED} (other replicas skip them),
 * publish each ReminderDue and wait for Kafka's ack, mark the acked rows SENT, commit.
 * <p>
 * A crash after the ack and before the commit leaves the rows PLANNED, so they are sent
 * again, with the same event id and idempotency key, and the gateway drops the second copy.
 * A broker outage fails the acks: the rows stay PLANNED and leave when Kafka is back.
 * <p>
 * Blocking by design: it runs on the scheduler's worker thread (or a test's, or the bench's).
 */
public class TouchDispatcher {

    private static final Logger LOG = Logger.getLogger(TouchDispatcher.class);

    /** The knobs, outside of CDI config so the benchmark and tests can build a dispatcher too. */
    public record Settings(int batchSize, Duration publishTimeout, Duration retryBackoff) {
    }

    /** What one call did: touches acknowledged by Kafka and committed as SENT, and touches left for later. */
    public record Result(int sent, int failed) {
    }

    private final Pool pool;
    private final EventPublisher publisher;
    private final Clock clock;
    private final ReminderMetrics metrics;
    private final Settings settings;

    public TouchDispatcher(Pool pool, EventPublisher publisher, Clock clock, ReminderMetrics metrics, Settings settings) {
        this.pool = pool;
        this.publisher = publisher;
        this.clock = clock;
        this.metrics = metrics;
        this.settings = settings;
    }

    /** Sends everything due now, batch after batch, until a batch comes back short or something failed. */
    public Result dispatchDue() {
        int sent = 0;
        int failed = 0;
        while (true) {
            Batch batch = dispatchBatch();
            sent += batch.acked().size();
            failed += batch.failed();
            if (batch.claimed().size() < settings.batchSize() || batch.failed() > 0) {
                return new Result(sent, failed);
            }
        }
    }

    private record Batch(List<DueMessage> claimed, List<DueMessage> acked, Instant sentAt) {

        int failed() {
            return claimed.size() - acked.size();
        }
    }

    private Batch dispatchBatch() {
        Instant now = clock.instant();
        // Without a commit (a crash, a lost connection) the server rolls the claim back and the rows are due again.
        Batch batch = TouchClaims.inTransaction(pool, conn -> {
            List<DueMessage> claimed = TouchClaims.claimDueMessages(conn, now, settings.batchSize());
            if (claimed.isEmpty()) {
                return new Batch(List.of(), List.of(), now);
            }
            Map<DueMessage, CompletableFuture<Void>> inFlight = publish(claimed);
            List<DueMessage> acked = new ArrayList<>();
            List<UUID> refused = new ArrayList<>();
            String refusal = awaitAcks(inFlight, acked, refused);
            Instant sentAt = clock.instant();
            TouchClaims.markSent(conn, acked.stream().map(DueMessage::id).toList(), sentAt);
            TouchClaims.postpone(conn, refused, sentAt.plus(settings.retryBackoff()), refusal, true);
            if (acked.size() < claimed.size()) {
                LOG.warnf("%d of %d due touches were not acknowledged by Kafka and stay PLANNED: %s",
                        claimed.size() - acked.size(), claimed.size(), refusal);
            }
            return new Batch(claimed, acked, sentAt);
        });
        // Only committed touches count: a rolled-back batch goes out again and is measured then.
        for (DueMessage touch : batch.acked()) {
            metrics.touchSent(touch.kind(), Duration.between(touch.dueAt(), batch.sentAt()));
        }
        return batch;
    }

    /** All records of the batch in flight at once, so the producer batches them; stops at the first refusal to send. */
    private Map<DueMessage, CompletableFuture<Void>> publish(List<DueMessage> claimed) {
        Map<DueMessage, CompletableFuture<Void>> inFlight = new LinkedHashMap<>();
        for (DueMessage touch : claimed) {
            CompletableFuture<Void> ack = publisher.publish(touch.appointmentId().toString(), toEvent(touch));
            inFlight.put(touch, ack);
            if (ack.isCompletedExceptionally()) {
                // send() itself failed (no broker metadata within max.block.ms): the rest would wait as long each.
                break;
            }
        }
        return inFlight;
    }

    /**
     * Sorts the batch into acked and refused-for-good. Transient failures (broker down,
     * timeouts) are neither: those rows stay PLANNED and due, and go with the next run.
     */
    private String awaitAcks(Map<DueMessage, CompletableFuture<Void>> inFlight, List<DueMessage> acked,
            List<UUID> refused) {
        long deadline = System.nanoTime() + settings.publishTimeout().toNanos();
        String firstError = null;
        for (Map.Entry<DueMessage, CompletableFuture<Void>> entry : inFlight.entrySet()) {
            try {
                entry.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acked.add(entry.getKey());
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                firstError = firstError == null ? String.valueOf(cause) : firstError;
                if (!(cause instanceof RetriableException)) {
                    refused.add(entry.getKey().id());
                }
            } catch (TimeoutException e) {
                firstError = firstError == null ? "no ack within " + settings.publishTimeout() : firstError;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Kafka", e);
            }
        }
        return firstError;
    }

    public static ReminderDue toEvent(DueMessage touch) {
        // Everything comes from the row, so a re-send is the very same event: same id, same key, same time.
        EventMeta meta = new EventMeta(touch.id(), EventMeta.CURRENT_SCHEMA_VERSION, touch.dueAt(),
                touch.appointmentId().toString(), touch.seq());
        List<String> buttons = touch.buttons() == null || touch.buttons().isEmpty()
                ? List.of() : List.of(touch.buttons().split(","));
        return new ReminderDue(meta, touch.idempotencyKey(), touch.appointmentId(), touch.patientId(), touch.kind(),
                touch.dueAt(), touch.template(), ParamsJson.read(touch.params()), buttons);
    }
}
