package ru.yavka.telegram.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import ru.yavka.contracts.events.YavkaEvent;
import ru.yavka.contracts.kafka.EventJson;
import ru.yavka.contracts.kafka.Topics;

/** Writes events into the caller's transaction; the relay publishes them once it commits. */
@ApplicationScoped
public class OutboxEvents {

    private static final String INSERT = """
            INSERT INTO outbox_event (event_id, topic, aggregate_id, payload, created_at)
            SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::timestamptz[])
            ON CONFLICT (event_id) DO NOTHING""";

    /**
     * Writes one event unless its id is there already; true when it was written. Events whose id
     * is derived from what caused them make this the check for a redelivered cause.
     */
    public boolean appendFirst(SqlClient client, YavkaEvent event) {
        return Db.query(client, """
                INSERT INTO outbox_event (event_id, topic, aggregate_id, payload, created_at)
                VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (event_id) DO NOTHING""", Tuple.of(event.meta().eventId(), Topics.of(event),
                event.meta().aggregateId(), EventJson.toJson(event), Db.ts(event.meta().occurredAt()))).rowCount() == 1;
    }

    public void append(SqlClient client, List<? extends YavkaEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        int n = events.size();
        java.util.UUID[] ids = new java.util.UUID[n];
        String[] topics = new String[n];
        String[] aggregates = new String[n];
        String[] payloads = new String[n];
        java.time.OffsetDateTime[] at = new java.time.OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            YavkaEvent event = events.get(i);
            ids[i] = event.meta().eventId();
            topics[i] = Topics.of(event);
            aggregates[i] = event.meta().aggregateId();
            payloads[i] = EventJson.toJson(event);
            at[i] = Db.ts(event.meta().occurredAt());
        }
        Db.query(client, INSERT, Tuple.tuple().addArrayOfUUID(ids).addArrayOfString(topics)
                .addArrayOfString(aggregates).addArrayOfString(payloads).addArrayOfOffsetDateTime(at));
    }
}
