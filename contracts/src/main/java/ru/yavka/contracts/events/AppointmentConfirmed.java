package ru.yavka.contracts.events;

import java.time.Instant;
import java.util.UUID;

public record AppointmentConfirmed(
        EventMeta meta,
        UUID appointmentId,
        UUID patientId,
        Instant start,
        String confirmedBy) implements YavkaEvent {
}
