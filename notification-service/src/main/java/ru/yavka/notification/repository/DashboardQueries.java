package ru.yavka.notification.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Aggregates over the read model. A visit counts once it is over: the patient arrived (or the
 * visit was completed) or was marked a no-show. Days are the clinic's calendar days.
 */
@ApplicationScoped
public class DashboardQueries {

    private static final String FINISHED = "status IN ('ARRIVED', 'COMPLETED', 'NO_SHOW')";
    private static final String WENT_AHEAD = "status IS NOT NULL AND status NOT IN ('CANCELLED', 'RESCHEDULED')";

    private final Pool pool;

    public DashboardQueries(Pool pool) {
        this.pool = pool;
    }

    public record Count(String key, long finished, long noShows) {
    }

    public record Confirmation(long eligible, long confirmed) {
    }

    public record Refill(long released, long refilledFromWaitlist) {
    }

    public Uni<List<Count>> byDay(Instant from, Instant to, ZoneId zone) {
        return counts("to_char((start_at AT TIME ZONE $3)::date, 'YYYY-MM-DD')",
                Tuple.of(utc(from), utc(to), zone.getId()));
    }

    public Uni<List<Count>> byDoctor(Instant from, Instant to) {
        return counts("doctor_id::text", Tuple.of(utc(from), utc(to)));
    }

    public Uni<List<Count>> bySpecialty(Instant from, Instant to) {
        return counts("specialty", Tuple.of(utc(from), utc(to)));
    }

    public Uni<Confirmation> confirmation(Instant from, Instant to) {
        return pool.preparedQuery("SELECT count(*) FILTER (WHERE " + WENT_AHEAD + ") AS eligible,"
                        + " count(*) FILTER (WHERE " + WENT_AHEAD + " AND confirmed) AS confirmed"
                        + " FROM appointment_fact WHERE start_at >= $1 AND start_at < $2")
                .execute(Tuple.of(utc(from), utc(to)))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Confirmation(row.getLong("eligible"), row.getLong("confirmed"));
                });
    }

    public Uni<Refill> refill(Instant from, Instant to) {
        return pool.preparedQuery("SELECT count(*) AS released,"
                        + " count(*) FILTER (WHERE refilled_from_waitlist) AS refilled"
                        + " FROM slot_release WHERE start_at >= $1 AND start_at < $2")
                .execute(Tuple.of(utc(from), utc(to)))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Refill(row.getLong("released"), row.getLong("refilled"));
                });
    }

    private Uni<List<Count>> counts(String key, Tuple params) {
        return pool.preparedQuery("SELECT " + key + " AS k,"
                        + " count(*) FILTER (WHERE " + FINISHED + ") AS finished,"
                        + " count(*) FILTER (WHERE status = 'NO_SHOW') AS no_shows"
                        + " FROM appointment_fact WHERE start_at >= $1 AND start_at < $2"
                        + " AND " + FINISHED
                        + " GROUP BY k ORDER BY k")
                .execute(params)
                .map(rows -> {
                    List<Count> list = new ArrayList<>();
                    rows.forEach(row -> list.add(new Count(row.getString("k"), row.getLong("finished"),
                            row.getLong("no_shows"))));
                    return list;
                });
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
