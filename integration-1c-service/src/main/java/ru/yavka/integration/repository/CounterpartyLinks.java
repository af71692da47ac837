package ru.yavka.integration.repository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.mutiny.sqlclient.Tuple;

/** Yavka patient → counterparty (Catalog_Контрагенты Ref_Key) in 1C:Бухгалтерия. */
@ApplicationScoped
public class CounterpartyLinks {

    private final Db db;

    public CounterpartyLinks(Db db) {
        this.db = db;
    }

    public Optional<UUID> find(UUID patientId) {
        return db.list("select ref_key from counterparty_link where patient_id = $1", Tuple.of(patientId),
                row -> row.getUUID(0)).stream().findFirst();
    }

    public void save(UUID patientId, UUID refKey, Instant at) {
        db.run("insert into counterparty_link (patient_id, ref_key, linked_at) values ($1, $2, $3)"
                        + " on conflict (patient_id) do nothing",
                Tuple.of(patientId, refKey, AppointmentPushes.utc(at)));
    }
}
