package ru.yavka.audit.repository;

import java.time.Instant;
import java.util.UUID;

/**
 * One link of the audit chain exactly as stored: the DataAccessed event, where it sits in the
 * chain, and the two hashes that bind it to its predecessor.
 */
public record ChainRow(
        long seq,
        UUID eventId,
        Instant occurredAt,
        String actor,
        String actorRole,
        UUID patientId,
        String recordType,
        String recordId,
        String action,
        String purpose,
        String service,
        Instant storedAt,
        String prevHash,
        String hash) {

    public ChainRow withHash(String sealed) {
        return new ChainRow(seq, eventId, occurredAt, actor, actorRole, patientId, recordType, recordId, action,
                purpose, service, storedAt, prevHash, sealed);
    }
}
