package ru.yavka.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** Aggregate: the waitlist entry. The offer holds the slot for the patient until {@code expiresAt}. */
public record WaitlistOffered(
        EventMeta meta,
        UUID offerId,
        UUID waitlistEntryId,
        UUID patientId,
        UUID slotId,
        UUID doctorId,
        String specialty,
        Instant start,
        Instant expiresAt) implements YavkaEvent {
}
