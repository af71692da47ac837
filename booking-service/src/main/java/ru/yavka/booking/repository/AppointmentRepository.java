package ru.yavka.booking.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AppointmentRepository implements PanacheRepositoryBase<Appointment, UUID> {

    public Uni<Appointment> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Live appointments of the patient that overlap [start, end), other than {@code except}. */
    public Uni<Long> countOverlapping(UUID patientId, Instant start, Instant end, UUID except) {
        return count("patientId = :patient and status in :live and start < :end and end > :start and id <> :except",
                Parameters.with("patient", patientId)
                        .and("live", AppointmentStatus.LIVE)
                        .and("start", start)
                        .and("end", end)
                        .and("except", except == null ? new UUID(0, 0) : except));
    }

    public Uni<List<Appointment>> upcomingOf(UUID patientId) {
        return list("patientId = ?1 and status in ?2 order by start", patientId, AppointmentStatus.UPCOMING);
    }

    public Uni<List<Appointment>> search(UUID patientId, UUID doctorId, Instant from, Instant to) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (patientId != null) {
            query.append(" and patientId = :patient");
            params.and("patient", patientId);
        }
        if (doctorId != null) {
            query.append(" and doctorId = :doctor");
            params.and("doctor", doctorId);
        }
        if (from != null) {
            query.append(" and start >= :from and start < :to");
            params.and("from", from).and("to", to);
        }
        return find(query.append(" order by start").toString(), params).page(0, 500).list();
    }
}
