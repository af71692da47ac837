package ru.yavka.reminder.client;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** booking-service's appointment view, as far as the no-show call needs it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BookingAppointment(UUID id, UUID patientId, UUID slotId, UUID doctorId, String specialty,
        Instant start, String status, String source) {
}
