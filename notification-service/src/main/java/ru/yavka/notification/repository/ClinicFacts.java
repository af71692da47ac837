package ru.yavka.notification.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The read model behind the dashboard and the waitlist alerts, written from booking-service's
 * events in the consumer's transaction. Each topic is consumed on its own, so any event may be
 * the first one seen of its appointment: every write is an upsert, later versions win the
 * status, and facts only ever get filled in (never blanked).
 */
@ApplicationScoped
public class ClinicFacts {

    /** Status, with what the event knows about the appointment; nulls leave a known value as it is. */
    public Uni<Void> appointment(UUID appointmentId, UUID slotId, UUID doctorId, String specialty, Instant start,
            String status, String source, long version, Instant now) {
        return session().chain(s -> s.createNativeQuery("""
                        INSERT INTO appointment_fact (appointment_id, slot_id, doctor_id, specialty, start_at, status,
                                                      source, version, updated_at)
                        VALUES (:id, CAST(:slot AS uuid), CAST(:doctor AS uuid), CAST(:specialty AS text),
                                CAST(:start AS timestamptz), :status, CAST(:source AS text), :version, :now)
                        ON CONFLICT (appointment_id) DO UPDATE SET
                            slot_id = COALESCE(appointment_fact.slot_id, EXCLUDED.slot_id),
                            doctor_id = COALESCE(appointment_fact.doctor_id, EXCLUDED.doctor_id),
                            specialty = COALESCE(appointment_fact.specialty, EXCLUDED.specialty),
                            start_at = COALESCE(appointment_fact.start_at, EXCLUDED.start_at),
                            source = COALESCE(appointment_fact.source, EXCLUDED.source),
                            status = CASE WHEN EXCLUDED.version > appointment_fact.version
                                          THEN EXCLUDED.status ELSE appointment_fact.status END,
                            version = GREATEST(appointment_fact.version, EXCLUDED.version),
                            updated_at = EXCLUDED.updated_at""")
                .setParameter("id", appointmentId)
                .setParameter("slot", slotId)
                .setParameter("doctor", doctorId)
                .setParameter("specialty", specialty)
                .setParameter("start", start)
                .setParameter("status", status)
                .setParameter("source", source)
                .setParameter("version", version)
                .setParameter("now", now)
                .executeUpdate()).replaceWithVoid();
    }

    /** A confirmation stays counted whatever happens to the appointment afterwards. */
    public Uni<Void> confirmed(UUID appointmentId, Instant now) {
        return session().chain(s -> s.createNativeQuery(
                        "UPDATE appointment_fact SET confirmed = true, updated_at = :now WHERE appointment_id = :id")
                .setParameter("id", appointmentId)
                .setParameter("now", now)
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<Void> offered(UUID offerId, UUID patientId, UUID slotId, UUID doctorId, String specialty,
            Instant start, Instant expiresAt, Instant offeredAt) {
        return session().chain(s -> s.createNativeQuery("""
                        INSERT INTO waitlist_offer_seen (offer_id, patient_id, slot_id, doctor_id, specialty, start_at,
                                                         expires_at, offered_at)
                        VALUES (:offer, :patient, :slot, CAST(:doctor AS uuid), CAST(:specialty AS text),
                                CAST(:start AS timestamptz), CAST(:expires AS timestamptz), :at)
                        ON CONFLICT (offer_id) DO NOTHING""")
                .setParameter("offer", offerId)
                .setParameter("patient", patientId)
                .setParameter("slot", slotId)
                .setParameter("doctor", doctorId)
                .setParameter("specialty", specialty)
                .setParameter("start", start)
                .setParameter("expires", expiresAt)
                .setParameter("at", offeredAt)
                .executeUpdate()).replaceWithVoid();
    }

    /**
     * True when this booking takes a slot that was offered to this patient from the waitlist:
     * the appointment is marked as a waitlist refill, and so is the slot's latest release.
     */
    public Uni<Boolean> acceptedOffer(UUID appointmentId, UUID patientId, UUID slotId) {
        return session().chain(s -> s.createNativeQuery(
                        "SELECT count(*) FROM waitlist_offer_seen WHERE slot_id = :slot AND patient_id = :patient",
                        Long.class)
                .setParameter("slot", slotId)
                .setParameter("patient", patientId)
                .getSingleResult()
                .chain(count -> count == 0 ? Uni.createFrom().item(false)
                        : s.createNativeQuery(
                                "UPDATE appointment_fact SET via_waitlist = true WHERE appointment_id = :id")
                                .setParameter("id", appointmentId).executeUpdate()
                                .chain(() -> s.createNativeQuery("""
                                        UPDATE slot_release SET refilled_from_waitlist = true
                                        WHERE event_id = (SELECT event_id FROM slot_release WHERE slot_id = :slot
                                                          ORDER BY released_at DESC LIMIT 1)""")
                                        .setParameter("slot", slotId).executeUpdate())
                                .replaceWith(true)));
    }

    public Uni<Void> released(UUID eventId, UUID slotId, UUID doctorId, String specialty, Instant start,
            String reason, Instant releasedAt) {
        return session().chain(s -> s.createNativeQuery("""
                        INSERT INTO slot_release (event_id, slot_id, doctor_id, specialty, start_at, reason, released_at)
                        VALUES (:event, :slot, CAST(:doctor AS uuid), CAST(:specialty AS text), :start,
                                CAST(:reason AS text), :at)
                        ON CONFLICT (event_id) DO NOTHING""")
                .setParameter("event", eventId)
                .setParameter("slot", slotId)
                .setParameter("doctor", doctorId)
                .setParameter("specialty", specialty)
                .setParameter("start", start)
                .setParameter("reason", reason)
                .setParameter("at", releasedAt)
                .executeUpdate()).replaceWithVoid();
    }

    private static Uni<Mutiny.Session> session() {
        return Panache.getSession();
    }
}
