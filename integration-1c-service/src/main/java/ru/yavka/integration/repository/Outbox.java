package ru.yavka.integration.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import ru.yavka.contracts.events.YavkaEvent;
import ru.yavka.contracts.kafka.EventJson;
import ru.yavka.contracts.kafka.Topics;

/** Events written to PostgreSQL first; {@code messaging.OutboxRelay} publishes them to Kafka. */
@ApplicationScoped
public class Outbox {

    private final Db db;

    public Outbox(Db db) {
        this.db = db;
    }

    public void append(YavkaEvent event) {
        db.run("insert into outbox_event (event_id, topic, aggregate_id, payload, created_at)"
                        + " values ($1, $2, $3, $4, $5)",
                Tuple.of(event.meta().eventId(), Topics.of(event), event.meta().aggregateId(), EventJson.toJson(event),
                        AppointmentPushes.utc(event.meta().occurredAt())));
    }

    /** In the caller's transaction. */
    public static Uni<Void> append(SqlClient tx, YavkaEvent event) {
        return insert(tx, event, "").replaceWithVoid();
    }

    /**
     * In the caller's transaction, unless an event with its id is there already; true when it was
     * written. Events whose id is derived from what caused them make this the check for a
     * redelivered cause.
     */
    public static Uni<Boolean> appendFirst(SqlClient tx, YavkaEvent event) {
        return insert(tx, event, " on conflict (event_id) do nothing").map(rows -> rows.rowCount() == 1);
    }

    private static Uni<RowSet<Row>> insert(SqlClient tx, YavkaEvent event, String onConflict) {
        return Db.on(tx, "insert into outbox_event (event_id, topic, aggregate_id, payload, created_at)"
                        + " values ($1, $2, $3, $4, $5)" + onConflict,
                Tuple.of(event.meta().eventId(), Topics.of(event), event.meta().aggregateId(), EventJson.toJson(event),
                        AppointmentPushes.utc(event.meta().occurredAt())));
    }

    public long pending() {
        return db.count("select count(*) from outbox_event where published_at is null", Tuple.tuple());
    }
}
