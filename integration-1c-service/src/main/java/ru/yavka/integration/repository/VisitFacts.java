package ru.yavka.integration.repository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import ru.yavka.integration.client.VisitFact;

/**
 * Visit facts already applied to booking-service. A completed visit and its billing job are
 * recorded in one transaction: a crash between them cannot lose the invoice.
 */
@ApplicationScoped
public class VisitFacts {

    public static final String REJECTED = "REJECTED";

    private final Db db;
    private final BillingJobs billing;

    public VisitFacts(Db db, BillingJobs billing) {
        this.db = db;
        this.billing = billing;
    }

    /** ARRIVED, COMPLETED or REJECTED, if the visit was seen before. */
    public Optional<String> status(UUID appointmentId) {
        return db.list("select status from visit_fact where appointment_id = $1", Tuple.of(appointmentId),
                row -> row.getString(0)).stream().findFirst();
    }

    public void applied(VisitFact fact, UUID patientId, Instant now) {
        db.inTransaction(tx -> Db.on(tx, "insert into visit_fact (appointment_id, status, occurred_at, applied_at)"
                                + " values ($1, $2, $3, $4) on conflict (appointment_id) do update set"
                                + " status = excluded.status, occurred_at = excluded.occurred_at,"
                                + " applied_at = excluded.applied_at, note = null",
                        Tuple.of(fact.appointmentId(), fact.status().name(), AppointmentPushes.utc(fact.at()),
                                AppointmentPushes.utc(now)))
                .chain(() -> fact.status() == VisitFact.Status.COMPLETED
                        ? billing.enqueue(tx, fact.appointmentId(), patientId, fact, now)
                        : Uni.createFrom().voidItem()));
    }

    /** booking-service refused the fact for good (unknown or cancelled appointment): not tried again. */
    public void rejected(VisitFact fact, Instant now, String note) {
        db.run("insert into visit_fact (appointment_id, status, occurred_at, applied_at, note)"
                        + " values ($1, 'REJECTED', $2, $3, $4) on conflict (appointment_id) do update set"
                        + " status = 'REJECTED', applied_at = excluded.applied_at, note = excluded.note",
                Tuple.of(fact.appointmentId(), AppointmentPushes.utc(fact.at()), AppointmentPushes.utc(now), note));
    }
}
