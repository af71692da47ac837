package ru.yavka.integration.repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.mutiny.sqlclient.Tuple;

/** 1C slot id ↔ booking-service slot, so a slot is brought over once and only once. */
@ApplicationScoped
public class SlotLinks {

    public enum Origin {
        CREATED, EXISTED
    }

    private final Db db;

    public SlotLinks(Db db) {
        this.db = db;
    }

    public Set<String> known(List<String> externalIds) {
        if (externalIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(db.list("select external_id from slot_link where external_id = any($1)",
                Tuple.of(externalIds.toArray(String[]::new)), row -> row.getString(0)));
    }

    public void link(String externalId, String doctorExternalId, Instant start, int minutes, UUID slotId,
            Origin origin, Instant at) {
        db.run("insert into slot_link (external_id, doctor_external_id, start_at, duration_minutes, slot_id, origin,"
                        + " synced_at) values ($1, $2, $3, $4, $5, $6, $7) on conflict (external_id) do nothing",
                Tuple.tuple().addValue(externalId).addValue(doctorExternalId)
                        .addValue(start.atOffset(ZoneOffset.UTC)).addValue(minutes).addValue(slotId)
                        .addValue(origin.name()).addValue(at.atOffset(ZoneOffset.UTC)));
    }

    /**
     * Marks the slots of these doctors in [from, to) that 1C no longer publishes, and clears the
     * mark of those it publishes again. Returns how many are newly withdrawn.
     */
    public int reconcile(List<String> doctorExternalIds, Instant from, Instant to, List<String> published, Instant at) {
        if (doctorExternalIds.isEmpty()) {
            return 0;
        }
        String[] doctors = doctorExternalIds.toArray(String[]::new);
        String[] current = published.toArray(String[]::new);
        db.run("update slot_link set withdrawn_at = null where withdrawn_at is not null and external_id = any($1)",
                Tuple.of(current));
        return db.run("update slot_link set withdrawn_at = $5 where withdrawn_at is null"
                        + " and doctor_external_id = any($1) and start_at >= $2 and start_at < $3"
                        + " and not (external_id = any($4))",
                Tuple.of(doctors, from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC), current,
                        at.atOffset(ZoneOffset.UTC))).rowCount();
    }

    public long withdrawnAhead(Instant now) {
        return db.count("select count(*) from slot_link where withdrawn_at is not null and start_at > $1",
                Tuple.of(now.atOffset(ZoneOffset.UTC)));
    }

    public Optional<String> externalIdOf(UUID slotId) {
        return db.list("select external_id from slot_link where slot_id = $1", Tuple.of(slotId),
                row -> row.getString(0)).stream().findFirst();
    }
}
