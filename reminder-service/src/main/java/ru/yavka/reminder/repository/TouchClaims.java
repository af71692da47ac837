package ru.yavka.reminder.repository;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The SQL of the two claiming loops (message dispatch and no-show checks) and of the
 * housekeeping, straight on the reactive pool: {@code FOR UPDATE SKIP LOCKED} batches are simpler to state in SQL than
 * through Hibernate. Callers run on worker threads and block on each statement.
 */
public final class TouchClaims {

    private static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(30);

    private TouchClaims() {
    }

    /** A message whose time has come, as claimed (and row-locked) by one dispatcher. */
    public record DueMessage(UUID id, UUID appointmentId, UUID patientId, String kind, Instant dueAt, int seq,
            String template, String params, String buttons, String idempotencyKey) {
    }

    /** A no-show check whose time has come, with what the follow-up message needs. */
    public record DueCheck(UUID id, UUID appointmentId, UUID patientId, Instant dueAt, String doctorName,
            String specialty, String address, Instant startAt) {
    }

    /** Locks up to {@code limit} due messages nobody else holds, oldest first. Must run inside a transaction. */
    public static List<DueMessage> claimDueMessages(SqlConnection conn, Instant now, int limit) {
        RowSet<Row> rows = await(conn.preparedQuery("""
                SELECT id, appointment_id, patient_id, kind, due_at, seq, template, params, buttons, idempotency_key
                FROM touch
                WHERE status = 'PLANNED' AND action = 'MESSAGE' AND next_attempt_at <= $1
                ORDER BY next_attempt_at
                LIMIT $2
                FOR UPDATE SKIP LOCKED""").execute(Tuple.of(ts(now), limit)));
        List<DueMessage> due = new ArrayList<>(rows.size());
        for (Row r : rows) {
            due.add(new DueMessage(r.getUUID("id"), r.getUUID("appointment_id"), r.getUUID("patient_id"),
                    r.getString("kind"), instant(r, "due_at"), r.getInteger("seq"), r.getString("template"),
                    r.getString("params"), r.getString("buttons"), r.getString("idempotency_key")));
        }
        return due;
    }

    public static void markSent(SqlClient client, List<UUID> ids, Instant sentAt) {
        if (ids.isEmpty()) {
            return;
        }
        await(client.preparedQuery("""
                UPDATE touch SET status = 'SENT', sent_at = $2, attempts = attempts + 1, last_error = NULL
                WHERE id = ANY($1) AND status = 'PLANNED'""")
                .execute(Tuple.of(ids.toArray(UUID[]::new), ts(sentAt))));
    }

    /**
     * Keeps the touches PLANNED but out of the claim queries until {@code nextAttemptAt}.
     * {@code countAttempt} is false where the claim itself already counted it (the no-show lease).
     */
    public static void postpone(SqlClient client, List<UUID> ids, Instant nextAttemptAt, String error,
            boolean countAttempt) {
        if (ids.isEmpty()) {
            return;
        }
        await(client.preparedQuery("""
                UPDATE touch SET next_attempt_at = $2, attempts = attempts + $4, last_error = $3
                WHERE id = ANY($1) AND status = 'PLANNED'""")
                .execute(Tuple.of(ids.toArray(UUID[]::new), ts(nextAttemptAt), truncate(error), countAttempt ? 1 : 0)));
    }

    /**
     * Leases due no-show checks: one statement moves their next attempt to {@code leaseUntil},
     * so other replicas leave them alone while booking-service is called outside any
     * transaction. A replica that dies mid-call loses the lease, and another one retries.
     */
    public static List<DueCheck> leaseDueChecks(Pool pool, Instant now, Instant leaseUntil, int limit) {
        RowSet<Row> rows = await(pool.preparedQuery("""
                UPDATE touch t SET next_attempt_at = $2, attempts = t.attempts + 1
                FROM appointment a
                WHERE a.appointment_id = t.appointment_id
                  AND t.id IN (SELECT id FROM touch
                               WHERE status = 'PLANNED' AND action = 'NO_SHOW_CHECK' AND next_attempt_at <= $1
                               ORDER BY next_attempt_at
                               LIMIT $3
                               FOR UPDATE SKIP LOCKED)
                RETURNING t.id, t.appointment_id, t.patient_id, t.due_at, a.doctor_name, a.specialty, a.address, a.start_at""")
                .execute(Tuple.of(ts(now), ts(leaseUntil), limit)));
        List<DueCheck> due = new ArrayList<>(rows.size());
        for (Row r : rows) {
            due.add(new DueCheck(r.getUUID("id"), r.getUUID("appointment_id"), r.getUUID("patient_id"),
                    instant(r, "due_at"), r.getString("doctor_name"), r.getString("specialty"),
                    r.getString("address"), instant(r, "start_at")));
        }
        return due;
    }

    /** Ends a planned touch; false if someone else (an arrival, a cancel) ended it first. */
    public static boolean close(SqlClient client, UUID id, String status, String reason, Instant sentAt) {
        RowSet<Row> rows = await(client.preparedQuery("""
                UPDATE touch SET status = $2, reason = $3, sent_at = $4, last_error = NULL
                WHERE id = $1 AND status = 'PLANNED'""")
                .execute(Tuple.of(id, status, reason, sentAt == null ? null : ts(sentAt))));
        return rows.rowCount() == 1;
    }

    /** Inserts the follow-up message after a no-show; a second attempt for the same appointment inserts nothing. */
    public static boolean insertFollowup(SqlClient client, UUID id, UUID appointmentId, UUID patientId, String kind,
            Instant dueAt, String template, String params, String buttons, String idempotencyKey, Instant now) {
        RowSet<Row> rows = await(client.preparedQuery("""
                INSERT INTO touch (id, appointment_id, patient_id, kind, action, seq, due_at, planned_due_at,
                                   next_attempt_at, status, template, params, buttons, idempotency_key, created_at)
                SELECT $1, $2, $3, $4, 'MESSAGE', COALESCE(MAX(seq), 0) + 1, $5, $5, $5, 'PLANNED', $6, $7, $8, $9, $10
                FROM touch WHERE appointment_id = $2
                ON CONFLICT DO NOTHING""")
                .execute(Tuple.from(List.of(id, appointmentId, patientId, kind, ts(dueAt), template, params, buttons,
                        idempotencyKey, ts(now)))));
        return rows.rowCount() == 1;
    }

    /** Forgets consumed event ids processed before {@code cutoff}; returns how many. */
    public static long purgeProcessedEvents(SqlClient client, Instant cutoff) {
        return await(client.preparedQuery("DELETE FROM processed_event WHERE processed_at < $1")
                .execute(Tuple.of(ts(cutoff)))).rowCount();
    }

    /**
     * Runs {@code work} in a transaction on one connection, blocking the calling worker
     * thread; commits if it returns, and otherwise closes the connection uncommitted, which
     * makes the server roll back.
     */
    public static <T> T inTransaction(Pool pool, Function<SqlConnection, T> work) {
        SqlConnection conn = await(pool.getConnection());
        try {
            Transaction tx = await(conn.begin());
            T result = work.apply(conn);
            await(tx.commit());
            return result;
        } finally {
            await(conn.close());
        }
    }

    public static OffsetDateTime ts(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }

    static <T> T await(io.smallrye.mutiny.Uni<T> uni) {
        return uni.await().atMost(STATEMENT_TIMEOUT);
    }
}
