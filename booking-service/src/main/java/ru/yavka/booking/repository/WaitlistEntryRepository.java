package ru.yavka.booking.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class WaitlistEntryRepository implements PanacheRepositoryBase<WaitlistEntry, UUID> {

    /**
     * Waiting entries that fit a released slot, first come first served, skipping anyone
     * who already had (and let go of) an offer for this very slot.
     */
    public Uni<List<WaitlistEntry>> candidatesFor(Slot slot, String specialty, LocalDate day) {
        return find("from WaitlistEntry e where e.status = :waiting and e.specialty = :specialty"
                        + " and (e.doctorId is null or e.doctorId = :doctor) and e.fromDate <= :day and e.toDate >= :day"
                        + " and not exists (select 1 from WaitlistOffer o where o.entryId = e.id and o.slotId = :slot)"
                        + " order by e.createdAt",
                Parameters.with("waiting", WaitlistEntry.Status.WAITING)
                        .and("specialty", specialty)
                        .and("doctor", slot.doctorId)
                        .and("day", day)
                        .and("slot", slot.id))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .page(0, 20)
                .list();
    }

    public Uni<List<WaitlistEntry>> listActive() {
        return list("status in ?1 order by createdAt",
                List.of(WaitlistEntry.Status.WAITING, WaitlistEntry.Status.OFFERED));
    }

    /** Every entry of one patient, whatever became of it: the whole record, for their access request. */
    public Uni<List<WaitlistEntry>> listOf(UUID patientId) {
        return list("patientId = ?1 order by createdAt", patientId);
    }

    public Uni<List<WaitlistEntry>> lockActiveOf(UUID patientId) {
        return find("patientId = ?1 and status in ?2", patientId,
                List.of(WaitlistEntry.Status.WAITING, WaitlistEntry.Status.OFFERED))
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public Uni<WaitlistEntry> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
