package ru.yavka.contracts.events;

import java.time.Instant;
import java.util.UUID;

/** Staff (or a 1C visit fact) marked the patient as arrived; the no-show check must stand down. */
public record AppointmentArrived(
        EventMeta meta,
        UUID appointmentId,
        UUID patientId,
        Instant start,
        String markedBy) implements YavkaEvent {
}
