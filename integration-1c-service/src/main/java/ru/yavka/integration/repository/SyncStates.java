package ru.yavka.integration.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.mutiny.sqlclient.Tuple;

/** The last attempt and the last success of each kind of sync, kept across restarts. */
@ApplicationScoped
public class SyncStates {

    public record State(String kind, Instant lastAttemptAt, Instant lastSuccessAt, String lastOutcome) {
    }

    private final Db db;

    public SyncStates(Db db) {
        this.db = db;
    }

    public void succeeded(String kind, Instant at, String outcome) {
        db.run("insert into sync_state (kind, last_attempt_at, last_success_at, last_outcome) values ($1, $2, $2, $3)"
                        + " on conflict (kind) do update set last_attempt_at = $2, last_success_at = $2, last_outcome = $3",
                Tuple.of(kind, AppointmentPushes.utc(at), outcome));
    }

    public void failed(String kind, Instant at, String outcome) {
        db.run("insert into sync_state (kind, last_attempt_at, last_outcome) values ($1, $2, $3)"
                        + " on conflict (kind) do update set last_attempt_at = $2, last_outcome = $3",
                Tuple.of(kind, AppointmentPushes.utc(at), outcome));
    }

    public List<State> all() {
        return db.list("select kind, last_attempt_at, last_success_at, last_outcome from sync_state order by kind",
                Tuple.tuple(), row -> new State(row.getString(0), instant(row.getOffsetDateTime(1)),
                        instant(row.getOffsetDateTime(2)), row.getString(3)));
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
