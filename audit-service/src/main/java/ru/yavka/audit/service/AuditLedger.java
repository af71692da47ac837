package ru.yavka.audit.service;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import ru.yavka.audit.repository.AuditChainStore;
import ru.yavka.audit.repository.ChainHead;
import ru.yavka.audit.repository.ChainRow;
import ru.yavka.contracts.events.DataAccessed;

/** Appends DataAccessed events to the hash chain, each event id once. */
@ApplicationScoped
public class AuditLedger {

    private final AuditChainStore store;
    private final Clock clock;
    private final Counter stored;
    private final Counter duplicates;

    public AuditLedger(AuditChainStore store, Clock clock, MeterRegistry registry) {
        this.store = store;
        this.clock = clock;
        this.stored = registry.counter("audit.records.stored");
        this.duplicates = registry.counter("audit.records.duplicates");
    }

    /**
     * Stores the event as the next link of the chain. Completes with true once the row is
     * committed, with false when the event id was already on record (the chain is unchanged).
     */
    public Uni<Boolean> append(DataAccessed event) {
        if (event.meta() == null) {
            return Uni.createFrom().failure(new UnstorableEvent("a DataAccessed event without meta"));
        }
        return store.append(head -> link(event, head))
                .invoke(added -> (added ? stored : duplicates).increment());
    }

    private ChainRow link(DataAccessed event, ChainHead head) {
        ChainRow row = new ChainRow(head.seq() + 1, event.meta().eventId(),
                ChainHash.stored(event.meta().occurredAt()), event.actor(), event.actorRole(), event.patientId(),
                event.recordType(), event.recordId(), event.action() == null ? null : event.action().name(),
                event.purpose(), event.service(), ChainHash.stored(clock.instant()), head.hash(), null);
        return row.withHash(ChainHash.of(row));
    }
}
