package ru.yavka.booking.service;

import java.time.Clock;
import java.util.Collection;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import ru.yavka.contracts.events.DataAccessed;
import ru.yavka.contracts.events.EventMeta;

/** Emits DataAccessed (152-FZ) through the outbox, so an access is on record exactly when it happened. */
@ApplicationScoped
public class AuditTrail {

    private static final String SERVICE = "booking-service";

    private final Outbox outbox;
    private final Clock clock;

    public AuditTrail(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<Void> record(Actor actor, UUID patientId, String recordType, Object recordId,
            DataAccessed.Action action) {
        return outbox.append(new DataAccessed(
                EventMeta.next(patientId.toString(), 0, clock.instant()),
                actor.name(), actor.role(), patientId, recordType, String.valueOf(recordId), action,
                actor.purpose(), SERVICE));
    }

    public Uni<Void> recordEach(Actor actor, Collection<UUID> patientIds, String recordType,
            DataAccessed.Action action) {
        return Multi.createFrom().iterable(patientIds.stream().distinct().toList())
                .onItem().transformToUniAndConcatenate(id -> record(actor, id, recordType, "list", action))
                .collect().last()
                .replaceWithVoid();
    }
}
