package ru.yavka.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Aggregate: the old appointment, which ends in RESCHEDULED. The new appointment is booked
 * in the same transaction and announced by its own {@link AppointmentBooked}.
 */
public record AppointmentRescheduled(
        EventMeta meta,
        UUID appointmentId,
        UUID newAppointmentId,
        UUID patientId,
        UUID oldSlotId,
        UUID newSlotId,
        UUID doctorId,
        String specialty,
        Instant oldStart,
        Instant newStart,
        String rescheduledBy) implements YavkaEvent {
}
