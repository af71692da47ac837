package ru.yavka.integration.repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.mutiny.sqlclient.Tuple;

/** 1C doctor id ↔ booking-service doctor id. */
@ApplicationScoped
public class DoctorLinks {

    private final Db db;

    public DoctorLinks(Db db) {
        this.db = db;
    }

    public void link(String externalId, UUID doctorId, Instant at) {
        db.run("insert into doctor_link (external_id, doctor_id, synced_at) values ($1, $2, $3)"
                        + " on conflict (external_id) do update set doctor_id = excluded.doctor_id, synced_at = excluded.synced_at",
                Tuple.of(externalId, doctorId, at.atOffset(ZoneOffset.UTC)));
    }

    public Optional<String> externalIdOf(UUID doctorId) {
        return db.list("select external_id from doctor_link where doctor_id = $1", Tuple.of(doctorId),
                row -> row.getString(0)).stream().findFirst();
    }
}
