package ru.yavka.reminder.support;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads the service's tables directly, for assertions. */
public final class Db {

    private Db() {
    }

    public record TouchRow(UUID id, String kind, String action, String status, Instant dueAt, Instant plannedDueAt,
            Instant sentAt, String reason, String answer, String idempotencyKey, int seq, String template,
            String params, String buttons) {
    }

    public static List<TouchRow> touches(Pool pool, UUID appointmentId) {
        List<TouchRow> rows = new ArrayList<>();
        for (Row r : pool.preparedQuery("""
                SELECT id, kind, action, status, due_at, planned_due_at, sent_at, reason, answer, idempotency_key,
                       seq, template, params, buttons
                FROM touch WHERE appointment_id = $1 ORDER BY due_at, seq""")
                .execute(Tuple.of(appointmentId)).await().atMost(Duration.ofSeconds(10))) {
            rows.add(new TouchRow(r.getUUID("id"), r.getString("kind"), r.getString("action"), r.getString("status"),
                    instant(r, "due_at"), instant(r, "planned_due_at"), instant(r, "sent_at"), r.getString("reason"),
                    r.getString("answer"), r.getString("idempotency_key"), r.getInteger("seq"),
                    r.getString("template"), r.getString("params"), r.getString("buttons")));
        }
        return rows;
    }

    public static TouchRow touch(Pool pool, UUID appointmentId, String kind) {
        return touches(pool, appointmentId).stream().filter(t -> t.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " touch for " + appointmentId));
    }

    public static boolean processed(Pool pool, UUID eventId) {
        return pool.preparedQuery("SELECT 1 FROM processed_event WHERE event_id = $1").execute(Tuple.of(eventId))
                .await().atMost(Duration.ofSeconds(10)).size() == 1;
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
