package ru.yavka.contracts.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The envelope every event carries. {@code eventId} lets a consumer drop a redelivery;
 * {@code aggregateVersion} grows by one with every change of the aggregate, so a consumer
 * can drop an event older than what it has already applied.
 */
public record EventMeta(
        UUID eventId,
        int schemaVersion,
        Instant occurredAt,
        String aggregateId,
        long aggregateVersion) {

    public static final int CURRENT_SCHEMA_VERSION = 1;

    public EventMeta {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(aggregateId, "aggregateId");
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be >= 1");
        }
        if (aggregateVersion < 0) {
            throw new IllegalArgumentException("aggregateVersion must be >= 0");
        }
    }

    public static EventMeta next(String aggregateId, long aggregateVersion, Instant occurredAt) {
        return new EventMeta(UUID.randomUUID(), CURRENT_SCHEMA_VERSION, occurredAt, aggregateId, aggregateVersion);
    }
}
