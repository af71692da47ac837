package ru.yavka.integration.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import ru.yavka.integration.client.VisitFact;

/**
 * The billing queue: one row per completed visit, in PostgreSQL so it outlives a restart and
 * any 1C outage. PENDING → CREATED (the document exists in 1C, its key is known) → POSTED.
 * SET_ASIDE holds a job 1C keeps refusing, for a person to look at.
 */
@ApplicationScoped
public class BillingJobs {

    public enum State {
        PENDING, CREATED, POSTED, SET_ASIDE
    }

    public record Job(UUID appointmentId, UUID patientId, Instant visitAt, List<VisitFact.Service> services,
            BigDecimal total, State state, UUID counterpartyKey, UUID documentKey, int attempts, int rejections) {
    }

    /** What staff see of one visit's billing. */
    public record View(UUID appointmentId, Instant visitAt, BigDecimal total, State state, UUID documentKey,
            String documentNumber, int attempts, String lastError, Instant postedAt) {
    }

    private final Db db;

    public BillingJobs(Db db) {
        this.db = db;
    }

    /** Inside the transaction that records the completed visit; a second enqueue of the visit does nothing. */
    public Uni<Void> enqueue(SqlConnection tx, UUID appointmentId, UUID patientId, VisitFact fact, Instant now) {
        JsonArray services = new JsonArray();
        for (VisitFact.Service s : fact.services()) {
            services.add(new JsonObject().put("code", s.code()).put("name", s.name())
                    .put("price", s.price().toPlainString()).put("quantity", s.quantity().toPlainString()));
        }
        return Db.on(tx, "insert into billing_job (appointment_id, patient_id, visit_at, services, total, state,"
                        + " next_attempt_at, created_at) values ($1, $2, $3, $4, $5, 'PENDING', $6, $6)"
                        + " on conflict (appointment_id) do nothing",
                Tuple.tuple().addValue(appointmentId).addValue(patientId).addValue(AppointmentPushes.utc(fact.at()))
                        .addValue(services).addValue(fact.total()).addValue(AppointmentPushes.utc(now)))
                .replaceWithVoid();
    }

    public List<Job> due(Instant now, int limit) {
        return db.list("select * from billing_job where state in ('PENDING', 'CREATED') and next_attempt_at <= $1"
                + " order by next_attempt_at, created_at limit $2", Tuple.of(AppointmentPushes.utc(now), limit),
                BillingJobs::job);
    }

    public Optional<View> view(UUID appointmentId) {
        return db.list("select * from billing_job where appointment_id = $1", Tuple.of(appointmentId), r -> {
            OffsetDateTime posted = r.getOffsetDateTime("posted_at");
            return new View(r.getUUID("appointment_id"), r.getOffsetDateTime("visit_at").toInstant(),
                    r.getBigDecimal("total"), State.valueOf(r.getString("state")), r.getUUID("document_key"),
                    r.getString("document_number"), r.getInteger("attempts"), r.getString("last_error"),
                    posted == null ? null : posted.toInstant());
        }).stream().findFirst();
    }

    public void counterparty(UUID appointmentId, UUID key) {
        db.run("update billing_job set counterparty_key = $2 where appointment_id = $1", Tuple.of(appointmentId, key));
    }

    public void created(UUID appointmentId, UUID documentKey) {
        db.run("update billing_job set document_key = $2, state = 'CREATED' where appointment_id = $1"
                + " and state = 'PENDING'", Tuple.of(appointmentId, documentKey));
    }

    public void posted(UUID appointmentId, String number, Instant at) {
        db.run("update billing_job set state = 'POSTED', document_number = $2, posted_at = $3, last_error = null"
                + " where appointment_id = $1", Tuple.of(appointmentId, number, AppointmentPushes.utc(at)));
    }

    public void retry(UUID appointmentId, int attempts, Instant next, String error) {
        db.run("update billing_job set attempts = $2, next_attempt_at = $3, last_error = $4 where appointment_id = $1",
                Tuple.of(appointmentId, attempts, AppointmentPushes.utc(next), error));
    }

    public void rejected(UUID appointmentId, int attempts, int rejections, boolean setAside, Instant next,
            String error) {
        db.run("update billing_job set attempts = $2, rejections = $3,"
                        + " state = case when $4 then 'SET_ASIDE' else state end, next_attempt_at = $5, last_error = $6"
                        + " where appointment_id = $1",
                Tuple.tuple().addValue(appointmentId).addValue(attempts).addValue(rejections).addValue(setAside)
                        .addValue(AppointmentPushes.utc(next)).addValue(error));
    }

    /** Jobs not yet posted and still being worked on. */
    public long depth() {
        return db.count("select count(*) from billing_job where state in ('PENDING', 'CREATED')", Tuple.tuple());
    }

    public Map<String, Long> countsByState() {
        Map<String, Long> counts = new TreeMap<>();
        for (State s : State.values()) {
            counts.put(s.name(), 0L);
        }
        db.run("select state, count(*) from billing_job group by state")
                .forEach(row -> counts.put(row.getString(0), row.getLong(1)));
        return counts;
    }

    private static Job job(Row r) {
        List<VisitFact.Service> services = new ArrayList<>();
        Object raw = r.getValue("services");
        JsonArray array = raw instanceof JsonArray a ? a : new JsonArray(String.valueOf(raw));
        for (int i = 0; i < array.size(); i++) {
            JsonObject s = array.getJsonObject(i);
            services.add(new VisitFact.Service(s.getString("code"), s.getString("name"),
                    new BigDecimal(s.getString("price")), new BigDecimal(s.getString("quantity"))));
        }
        return new Job(r.getUUID("appointment_id"), r.getUUID("patient_id"),
                r.getOffsetDateTime("visit_at").toInstant(), services, r.getBigDecimal("total"),
                State.valueOf(r.getString("state")), r.getUUID("counterparty_key"), r.getUUID("document_key"),
                r.getInteger("attempts"), r.getInteger("rejections"));
    }
}
