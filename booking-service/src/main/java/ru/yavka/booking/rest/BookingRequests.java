package ru.yavka.booking.rest;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import ru.yavka.contracts.events.AppointmentSource;

/** Request bodies of the appointment endpoints. */
final class BookingRequests {

    private BookingRequests() {
    }

    /** {@code holder} is whoever holds the slot in Redis (e.g. the Telegram chat), if anyone. */
    record Book(@NotNull UUID patientId, @NotNull UUID slotId, @NotNull AppointmentSource source,
            @Size(max = 100) String holder) {
    }

    record Cancel(@NotBlank @Size(max = 500) String reason) {
    }

    record Reschedule(@NotNull UUID slotId) {
    }

    record Hold(@NotBlank @Size(max = 100) String holder) {
    }

    record AcceptOffer(AppointmentSource source) {
    }
}
