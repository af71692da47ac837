package ru.yavka.contracts.events;

import java.time.Instant;
import java.util.UUID;

public record NoShowDetected(
        EventMeta meta,
        UUID appointmentId,
        UUID patientId,
        UUID slotId,
        UUID doctorId,
        String specialty,
        Instant start,
        String detectedBy) implements YavkaEvent {
}
