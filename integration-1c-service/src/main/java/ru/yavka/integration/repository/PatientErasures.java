package ru.yavka.integration.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import ru.yavka.contracts.events.YavkaEvent;

/**
 * A patient's erasure in this service's tables, in one transaction with its confirmation (and
 * audit event) in the outbox. The confirmation's id is derived from the request, so its row is
 * also the record that the request was carried out: a redelivery finds it and changes nothing.
 */
@ApplicationScoped
public class PatientErasures {

    /** What 1C already has stays there; here only the ids and amounts of the visits remain. */
    private static final String BILLING = """
            update billing_job set services = '[]'::jsonb, counterparty_key = null,
                state = case when state = 'POSTED' then state else 'SET_ASIDE' end,
                last_error = case when state = 'POSTED' then last_error
                    else 'patient data erased before posting: to be finished in 1C' end
            where patient_id = $1""";

    /**
     * A push 1C has acknowledged keeps only its version (so a late event stays a no-op); one still
     * on its way keeps what 1C needs to apply it, and is sent without the patient's details.
     */
    private static final String PUSHES = """
            update appointment_push set doctor_id = null, slot_id = null, start_at = null, duration_minutes = null,
                specialty = null, source = null, last_error = null
            where patient_id = $1 and pushed_version >= version""";

    private final Db db;

    public PatientErasures(Db db) {
        this.db = db;
    }

    /** False when the request was carried out before. */
    public boolean erase(UUID patientId, YavkaEvent confirmation, YavkaEvent audit) {
        return db.inTransaction(tx -> Outbox.appendFirst(tx, confirmation).chain(first -> first
                ? forget(tx, patientId).chain(() -> Outbox.append(tx, audit)).replaceWith(true)
                : Uni.createFrom().item(false)));
    }

    private static Uni<Void> forget(SqlConnection tx, UUID patientId) {
        Tuple patient = Tuple.of(patientId);
        return Db.on(tx, "delete from patient_card where patient_id = $1", patient)
                .chain(() -> Db.on(tx, "delete from counterparty_link where patient_id = $1", patient))
                .chain(() -> Db.on(tx, BILLING, patient))
                .chain(() -> Db.on(tx, PUSHES, patient))
                .replaceWithVoid();
    }
}
