package ru.yavka.integration.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The appointment push queue: one row per appointment holding its latest known state. An
 * event only replaces the row if it is newer (booking's aggregate version), so a redelivered
 * or late event changes nothing; the pusher sends whatever 1C has not acknowledged yet.
 */
@ApplicationScoped
public class AppointmentPushes {

    public record Change(UUID appointmentId, UUID patientId, UUID doctorId, UUID slotId, Instant start,
            Integer durationMinutes, String specialty, String source, String status, UUID rescheduledTo,
            long version, Instant at) {
    }

    public record Pending(UUID appointmentId, UUID patientId, UUID doctorId, UUID slotId, Instant start,
            Integer durationMinutes, String specialty, String source, String status, UUID rescheduledTo,
            long version, int attempts) {
    }

    private final Db db;

    public AppointmentPushes(Db db) {
        this.db = db;
    }

    /** Non-blocking, for the Kafka consumers. */
    public Uni<Void> record(Change c) {
        Tuple params = Tuple.tuple()
                .addValue(c.appointmentId()).addValue(c.patientId()).addValue(c.doctorId()).addValue(c.slotId())
                .addValue(utc(c.start())).addValue(c.durationMinutes()).addValue(c.specialty())
                .addValue(c.source()).addValue(c.status()).addValue(c.rescheduledTo()).addValue(c.version())
                .addValue(utc(c.at()));
        return db.pool().preparedQuery("insert into appointment_push (appointment_id, patient_id, doctor_id, slot_id,"
                        + " start_at, duration_minutes, specialty, source, status, rescheduled_to, version,"
                        + " next_attempt_at, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)"
                        + " on conflict (appointment_id) do update set"
                        + " doctor_id = coalesce(excluded.doctor_id, appointment_push.doctor_id),"
                        + " slot_id = coalesce(excluded.slot_id, appointment_push.slot_id),"
                        + " start_at = coalesce(excluded.start_at, appointment_push.start_at),"
                        + " duration_minutes = coalesce(excluded.duration_minutes, appointment_push.duration_minutes),"
                        + " specialty = coalesce(excluded.specialty, appointment_push.specialty),"
                        + " source = coalesce(excluded.source, appointment_push.source),"
                        + " rescheduled_to = coalesce(excluded.rescheduled_to, appointment_push.rescheduled_to),"
                        + " status = excluded.status, version = excluded.version, attempts = 0, outcome = null,"
                        + " last_error = null, next_attempt_at = excluded.next_attempt_at, updated_at = excluded.updated_at"
                        + " where appointment_push.version < excluded.version")
                .execute(params)
                .replaceWithVoid();
    }

    public List<Pending> due(Instant now, int limit) {
        return db.list("select appointment_id, patient_id, doctor_id, slot_id, start_at, duration_minutes, specialty,"
                        + " source, status, rescheduled_to, version, attempts from appointment_push"
                        + " where pushed_version < version and next_attempt_at <= $1 order by next_attempt_at limit $2",
                Tuple.of(utc(now), limit), AppointmentPushes::pending);
    }

    /** 1C acknowledged {@code version}; a newer version recorded meanwhile stays pending. */
    public void pushed(UUID appointmentId, long version, String outcome) {
        db.run("update appointment_push set pushed_version = greatest(pushed_version, $2), outcome = $3,"
                        + " attempts = case when version = $2 then 0 else attempts end,"
                        + " last_error = case when version = $2 then null else last_error end"
                        + " where appointment_id = $1",
                Tuple.of(appointmentId, version, outcome));
    }

    public void failed(UUID appointmentId, long version, int attempts, Instant next, String error) {
        db.run("update appointment_push set attempts = $3, next_attempt_at = $4, last_error = $5"
                        + " where appointment_id = $1 and version = $2",
                Tuple.of(appointmentId, version, attempts, utc(next), error));
    }

    public long depth() {
        return db.count("select count(*) from appointment_push where pushed_version < version", Tuple.tuple());
    }

    private static Pending pending(Row r) {
        OffsetDateTime start = r.getOffsetDateTime("start_at");
        return new Pending(r.getUUID("appointment_id"), r.getUUID("patient_id"), r.getUUID("doctor_id"),
                r.getUUID("slot_id"), start == null ? null : start.toInstant(), r.getInteger("duration_minutes"),
                r.getString("specialty"), r.getString("source"), r.getString("status"), r.getUUID("rescheduled_to"),
                r.getLong("version"), r.getInteger("attempts"));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
