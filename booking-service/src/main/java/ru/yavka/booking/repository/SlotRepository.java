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
public class SlotRepository implements PanacheRepositoryBase<Slot, UUID> {

    /** Row lock: concurrent bookings of one slot queue here, and only the first finds it free. */
    public Uni<Slot> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<List<Slot>> listFree(String specialty, UUID doctorId, Instant from, Instant to, int limit) {
        StringBuilder query = new StringBuilder("status = :free and start >= :from and start < :to");
        Parameters params = Parameters.with("free", SlotStatus.FREE).and("from", from).and("to", to);
        if (doctorId != null) {
            query.append(" and doctorId = :doctorId");
            params.and("doctorId", doctorId);
        }
        if (specialty != null) {
            query.append(" and doctorId in (select d.id from Doctor d where d.specialty = :specialty)");
            params.and("specialty", specialty);
        }
        return find(query.append(" order by start, doctorId").toString(), params).page(0, limit).list();
    }

    public Uni<Slot> findByDoctorAndStart(UUID doctorId, Instant start) {
        return find("doctorId = ?1 and start = ?2", doctorId, start).firstResult();
    }
}
