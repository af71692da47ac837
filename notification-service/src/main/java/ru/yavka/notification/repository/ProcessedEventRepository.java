package ru.yavka.notification.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ProcessedEventRepository implements PanacheRepositoryBase<ProcessedEvent, UUID> {

    /**
     * Records the event id; false when it was there already (a redelivery). A concurrent
     * duplicate waits on the primary key until the first transaction ends, then sees it.
     */
    public Uni<Boolean> recordFirstTime(UUID eventId, String eventType, Instant now) {
        return getSession()
                .chain(session -> session.createNativeQuery("""
                        INSERT INTO processed_event (event_id, event_type, processed_at)
                        VALUES (:id, :type, :now)
                        ON CONFLICT (event_id) DO NOTHING""")
                        .setParameter("id", eventId)
                        .setParameter("type", eventType)
                        .setParameter("now", now)
                        .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
