package ru.yavka.triage.service;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import ru.yavka.contracts.events.DataAccessed;
import ru.yavka.contracts.events.EventMeta;
import ru.yavka.contracts.kafka.EventJson;
import ru.yavka.contracts.kafka.Topics;
import ru.yavka.triage.metrics.StageTimer;

/**
 * DataAccessed (152-FZ) for every triage, committed to the outbox table before the answer leaves,
 * so the record survives a Kafka outage; the relay publishes it. The symptom text itself is not
 * kept anywhere: the audit needs who, when, why and which triage, not what was said.
 */
@ApplicationScoped
public class AuditTrail {

    static final String SERVICE = "triage-service";
    static final String RECORD_TYPE = "symptom-text";
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(10);

    private final Pool pool;
    private final Clock clock;
    private final Timer timer;

    public AuditTrail(Pool pool, Clock clock, MeterRegistry metrics) {
        this.pool = pool;
        this.clock = clock;
        this.timer = StageTimer.of(metrics, "audit");
    }

    /**
     * Starts writing the record and answers at once: the caller does its work meanwhile and
     * awaits the write before its answer leaves. {@code READ} for triage itself, {@code EXPORT}
     * when the text went to GigaChat.
     */
    public CompletableFuture<Void> start(Actor actor, UUID patientId, UUID triageId, DataAccessed.Action action) {
        String aggregate = patientId != null ? patientId.toString() : triageId.toString();
        DataAccessed event = new DataAccessed(EventMeta.next(aggregate, 0, clock.instant()), actor.name(),
                actor.role(), patientId, RECORD_TYPE, triageId.toString(), action, actor.purpose(), SERVICE);
        Timer.Sample sample = Timer.start();
        return pool.preparedQuery("insert into outbox_event (event_id, topic, aggregate_id, aggregate_version, payload,"
                        + " created_at) values ($1, $2, $3, $4, $5, $6)")
                .execute(Tuple.tuple()
                        .addUUID(event.meta().eventId())
                        .addString(Topics.of(event))
                        .addString(aggregate)
                        .addLong(0L)
                        .addString(EventJson.toJson(event))
                        .addOffsetDateTime(event.meta().occurredAt().atOffset(java.time.ZoneOffset.UTC)))
                .replaceWithVoid()
                .onTermination().invoke(() -> sample.stop(timer))
                .subscribeAsCompletionStage();
    }

    /** Waits until a started record is committed (on a worker thread). */
    public void await(CompletableFuture<Void> started) {
        try {
            started.get(DB_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the access record was not written", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the access record was not written within " + DB_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the access record", e);
        }
    }
}
