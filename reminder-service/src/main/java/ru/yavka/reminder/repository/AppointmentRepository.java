package ru.yavka.reminder.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AppointmentRepository implements PanacheRepositoryBase<Appointment, UUID> {

    /**
     * The appointment's row, created empty if no event has mentioned it yet, and locked for
     * the rest of the transaction. Events of one appointment arrive on different topics and
     * are applied concurrently; the lock puts them one after the other.
     */
    public Uni<Appointment> lockOrCreate(UUID appointmentId, Instant now) {
        return getSession()
                .chain(session -> session.createNativeQuery("""
                        INSERT INTO appointment (appointment_id, status, status_version, booked, confirmed, created_at, updated_at)
                        VALUES (:id, 'UNKNOWN', 0, false, false, :now, :now)
                        ON CONFLICT (appointment_id) DO NOTHING""")
                        .setParameter("id", appointmentId)
                        .setParameter("now", now)
                        .executeUpdate())
                .chain(() -> findById(appointmentId, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Erasure: which doctor, specialty and address the patient's visits were with is health data. */
    public Uni<Integer> blankVisitDetailsOfPatient(UUID patientId) {
        return update("doctorName = null, specialty = null, address = null where patientId = ?1"
                + " and (doctorName is not null or specialty is not null or address is not null)", patientId);
    }
}
