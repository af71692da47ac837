package ru.yavka.contracts.events;

import java.util.UUID;

/**
 * The audit event (152-FZ): who touched which personal data, how and why. The time is
 * {@code meta().occurredAt()}; the aggregate is the patient whose data was accessed.
 */
public record DataAccessed(
        EventMeta meta,
        String actor,
        String actorRole,
        UUID patientId,
        String recordType,
        String recordId,
        Action action,
        String purpose,
        String service) implements YavkaEvent {

    public enum Action {
        CREATE, READ, UPDATE, DELETE, EXPORT
    }
}
