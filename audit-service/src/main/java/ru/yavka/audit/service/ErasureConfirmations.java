package ru.yavka.audit.service;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import ru.yavka.audit.config.AuditConfig;
import ru.yavka.audit.repository.DestructionRecord;
import ru.yavka.audit.repository.DestructionRecordRepository;
import ru.yavka.contracts.events.PatientDataErased;

/**
 * Turns a service's confirmation of an erasure into a destruction record (Roskomnadzor Order
 * 179), each event id once: the patient's pseudonymous id, the categories, the confirming
 * service as the system, and the time of the erasure as the service reported it.
 */
@ApplicationScoped
public class ErasureConfirmations {

    private final DestructionRecordRepository records;
    private final Clock clock;
    private final String defaultReason;
    private final Counter stored;
    private final Counter duplicates;

    public ErasureConfirmations(DestructionRecordRepository records, Clock clock, AuditConfig config,
            MeterRegistry registry) {
        this.records = records;
        this.clock = clock;
        this.defaultReason = config.destruction().erasureReason();
        this.stored = registry.counter("audit.destruction.from-events");
        this.duplicates = registry.counter("audit.destruction.duplicate-events");
    }

    /**
     * Completes with true once the record is committed, with false when this event was already
     * on record. An event that lacks what a record needs fails with {@link UnstorableEvent}.
     */
    public Uni<Boolean> record(PatientDataErased event) {
        String missing = event.meta() == null || event.meta().eventId() == null ? "meta"
                : event.meta().occurredAt() == null ? "meta.occurredAt"
                : event.patientId() == null ? "patientId"
                : event.service() == null || event.service().isBlank() ? "service"
                : event.categories().stream().noneMatch(c -> c != null && !c.isBlank()) ? "categories"
                : null;
        if (missing != null) {
            return Uni.createFrom().failure(new UnstorableEvent("a PatientDataErased event without " + missing));
        }
        DestructionRecord record = new DestructionRecord();
        record.patientId = event.patientId();
        record.dataCategories = event.categories().stream().filter(c -> c != null && !c.isBlank())
                .map(String::strip).distinct().toArray(String[]::new);
        record.system = event.service().strip();
        record.reason = event.reason() == null || event.reason().isBlank() ? defaultReason : event.reason().strip();
        record.destroyedAt = ChainHash.stored(event.meta().occurredAt());
        record.recordedAt = ChainHash.stored(clock.instant());
        record.recordedBy = record.system;
        record.eventId = event.meta().eventId();
        return records.insertOnce(record).invoke(added -> (added ? stored : duplicates).increment());
    }
}
