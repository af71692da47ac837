package ru.yavka.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** Aggregate: the slot. A slot becomes free again (cancellation, reschedule or no-show). */
public record SlotReleased(
        EventMeta meta,
        UUID slotId,
        UUID doctorId,
        String specialty,
        Instant start,
        int durationMinutes,
        String reason) implements YavkaEvent {
}
