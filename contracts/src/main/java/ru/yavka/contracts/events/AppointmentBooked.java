package ru.yavka.contracts.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Aggregate: the appointment. {@code bookedBy} is the actor (staff user, patient or service).
 * Doctor name and branch address travel along so reminders need no call back to booking.
 */
public record AppointmentBooked(
        EventMeta meta,
        UUID appointmentId,
        UUID patientId,
        UUID slotId,
        UUID doctorId,
        String doctorName,
        String specialty,
        String address,
        Instant start,
        int durationMinutes,
        AppointmentSource source,
        String bookedBy) implements YavkaEvent {
}
