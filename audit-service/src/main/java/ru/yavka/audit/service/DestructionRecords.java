package ru.yavka.audit.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import ru.yavka.audit.repository.DestructionRecord;
import ru.yavka.audit.repository.DestructionRecordRepository;
import ru.yavka.audit.repository.ResultPage;

@ApplicationScoped
public class DestructionRecords {

    /** Clocks of the reporting services may run a little ahead of ours. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final DestructionRecordRepository records;
    private final Clock clock;

    public DestructionRecords(DestructionRecordRepository records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<DestructionRecord> record(DestructionRequest request, String recordedBy) {
        Instant now = ChainHash.stored(clock.instant());
        Instant destroyedAt = request.destroyedAt() == null ? now : ChainHash.stored(request.destroyedAt().toInstant());
        if (destroyedAt.isAfter(now.plus(CLOCK_SKEW))) {
            return Uni.createFrom().failure(
                    AuditProblem.invalid("destroyedAt", "destroyedAt is in the future; record a destruction once done"));
        }
        DestructionRecord record = new DestructionRecord();
        record.patientId = request.patientId();
        record.dataCategories = request.dataCategories().stream().map(String::strip).distinct()
                .toArray(String[]::new);
        record.system = request.system().strip();
        record.reason = request.reason().strip();
        record.destroyedAt = destroyedAt;
        record.recordedAt = now;
        record.recordedBy = recordedBy;
        return records.persist(record);
    }

    @WithSession
    public Uni<ResultPage<DestructionRecord>> list(UUID patientId, int page, int size) {
        return records.list(patientId, page, size);
    }
}
