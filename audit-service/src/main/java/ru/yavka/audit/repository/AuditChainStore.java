package ru.yavka.audit.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The chain in PostgreSQL, in plain SQL: appending needs a lock and an insert that may do
 * nothing, and verifying reads raw rows in batches, neither of which an entity session helps with.
 */
@ApplicationScoped
public class AuditChainStore {

    /**
     * Every writer, in every replica, appends under this transaction-scoped advisory lock: it
     * reads the head and inserts the next link while no one else can, so the chain stays one line.
     */
    static final long CHAIN_LOCK = 0x59_41_56_4B_41_41_55L; // "YAVKAAU"

    private static final String COLUMNS = "seq, event_id, occurred_at, actor, actor_role, patient_id, record_type,"
            + " record_id, action, purpose, service, stored_at, prev_hash, hash";

    private final Pool pool;

    public AuditChainStore(Pool pool) {
        this.pool = pool;
    }

    /**
     * Links a new record to the current head and inserts it, in one transaction under the chain
     * lock. Returns false when the event id is already on record: nothing is inserted and the
     * chain does not advance. When the returned Uni completes, the row is committed.
     */
    public Uni<Boolean> append(Function<ChainHead, ChainRow> link) {
        return pool.withTransaction(connection -> connection
                .query("select pg_advisory_xact_lock(" + CHAIN_LOCK + ")").execute()
                .chain(() -> connection.query("select seq, hash from audit_record order by seq desc limit 1").execute())
                .map(rows -> {
                    var last = rows.iterator();
                    if (!last.hasNext()) {
                        return ChainHead.GENESIS;
                    }
                    Row head = last.next();
                    return new ChainHead(head.getLong("seq"), head.getString("hash"));
                })
                .map(link)
                .chain(row -> connection.preparedQuery("insert into audit_record (" + COLUMNS + ")"
                                + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)"
                                + " on conflict (event_id) do nothing")
                        .execute(tuple(row)))
                .map(result -> result.rowCount() == 1));
    }

    /** Up to {@code limit} links after sequence {@code afterSeq}, in chain order. */
    public Uni<List<ChainRow>> after(long afterSeq, int limit) {
        return pool.preparedQuery("select " + COLUMNS + " from audit_record where seq > $1 order by seq limit $2")
                .execute(Tuple.of(afterSeq, limit))
                .map(rows -> {
                    List<ChainRow> batch = new ArrayList<>(rows.size());
                    rows.forEach(row -> batch.add(row(row)));
                    return batch;
                });
    }

    private static Tuple tuple(ChainRow row) {
        return Tuple.tuple()
                .addValue(row.seq())
                .addValue(row.eventId())
                .addValue(utc(row.occurredAt()))
                .addValue(row.actor())
                .addValue(row.actorRole())
                .addValue(row.patientId())
                .addValue(row.recordType())
                .addValue(row.recordId())
                .addValue(row.action())
                .addValue(row.purpose())
                .addValue(row.service())
                .addValue(utc(row.storedAt()))
                .addValue(row.prevHash())
                .addValue(row.hash());
    }

    private static ChainRow row(Row row) {
        return new ChainRow(row.getLong("seq"), row.getUUID("event_id"), instant(row, "occurred_at"),
                row.getString("actor"), row.getString("actor_role"), row.getUUID("patient_id"),
                row.getString("record_type"), row.getString("record_id"), row.getString("action"),
                row.getString("purpose"), row.getString("service"), instant(row, "stored_at"),
                row.getString("prev_hash"), row.getString("hash"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
