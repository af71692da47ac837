package ru.yavka.booking.repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Patients whose retention period is over: registered before the cutoff, not erased yet,
 * without any appointment (in any status) starting at or after the cutoff, which also rules out
 * every future one, and without a waitlist entry made since the cutoff (someone waiting for a
 * slot is a current patient). Plain SQL on ids only: nothing is decrypted to find them.
 */
@ApplicationScoped
public class RetentionCandidates {

    private final Pool pool;

    public RetentionCandidates(Pool pool) {
        this.pool = pool;
    }

    /** Up to {@code limit} ids above {@code after} (keyset order, so a patient that fails is not met again). */
    public Uni<List<UUID>> expired(Instant cutoff, UUID after, int limit) {
        return pool.preparedQuery("select p.id from patient p"
                        + " where p.erased_at is null and p.created_at < $1 and p.id > $2"
                        + " and not exists (select 1 from appointment a where a.patient_id = p.id and a.start_at >= $1)"
                        + " and not exists (select 1 from waitlist_entry w where w.patient_id = p.id and w.created_at >= $1)"
                        + " order by p.id limit $3")
                .execute(Tuple.of(cutoff.atOffset(ZoneOffset.UTC), after, limit))
                .map(rows -> {
                    List<UUID> ids = new ArrayList<>(rows.size());
                    rows.forEach(row -> ids.add(row.getUUID(0)));
                    return ids;
                });
    }
}
