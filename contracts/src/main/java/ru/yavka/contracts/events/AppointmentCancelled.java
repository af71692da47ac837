package ru.yavka.contracts.events;

import java.time.Instant;
import java.util.UUID;

public record AppointmentCancelled(
        EventMeta meta,
        UUID appointmentId,
        UUID patientId,
        UUID slotId,
        UUID doctorId,
        String specialty,
        Instant start,
        String reason,
        String cancelledBy) implements YavkaEvent {
}
