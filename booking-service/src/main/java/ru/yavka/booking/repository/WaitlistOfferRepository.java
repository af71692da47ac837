package ru.yavka.booking.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class WaitlistOfferRepository implements PanacheRepositoryBase<WaitlistOffer, UUID> {

    public Uni<WaitlistOffer> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<List<WaitlistOffer>> lockExpired(Instant now, int limit) {
        return find("status = ?1 and expiresAt <= ?2 order by expiresAt", WaitlistOffer.Status.OFFERED, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .page(0, limit)
                .list();
    }

    public Uni<List<WaitlistOffer>> listLive() {
        return list("status = ?1 order by expiresAt", WaitlistOffer.Status.OFFERED);
    }

    public Uni<List<WaitlistOffer>> listOf(UUID patientId) {
        return list("patientId = ?1 order by offeredAt", patientId);
    }
}
