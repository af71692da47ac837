package ru.yavka.triage.service;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import ru.yavka.contracts.events.DataAccessed;
import ru.yavka.contracts.events.EventMeta;
import ru.yavka.contracts.kafka.EventJson;
import ru.yavka.contracts.kafka.Topics;

/**
 * DataAccessed (152-FZ) for every triage, written to the outbox table before the answer leaves,
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

    public AuditTrail(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /**
     * Records the access. {@code EXPORT} when the text was sent to GigaChat, {@code READ} otherwise.
     * Blocks the (worker) thread until the row is committed.
     */
    public void record(Actor actor, UUID patientId, UUID triageId, DataAccessed.Action action) {
        String aggregate = patientId != null ? patientId.toString() : triageId.toString();
        DataAccessed event = new DataAccessed(EventMeta.next(aggregate, 0, clock.instant()), actor.name(),
                actor.role(), patientId, RECORD_TYPE, triageId.toString(), action, actor.purpose(), SERVICE);
        pool.preparedQuery("insert into outbox_event (event_id, topic, aggregate_id, aggregate_version, payload,"
                        + " created_at) values ($1, $2, $3, $4, $5, $6)")
                .execute(Tuple.tuple()
                        .addUUID(event.meta().eventId())
                        .addString(Topics.of(event))
                        .addString(aggregate)
                        .addLong(0L)
                        .addString(EventJson.toJson(event))
                        .addOffsetDateTime(event.meta().occurredAt().atOffset(java.time.ZoneOffset.UTC)))
                .await().atMost(DB_TIMEOUT);
    }
}
