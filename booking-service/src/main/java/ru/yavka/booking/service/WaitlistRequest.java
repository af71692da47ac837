package ru.yavka.booking.service;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** A patient waits for a specialty, or for one doctor, within a date window (dates in the clinic's zone). */
public record WaitlistRequest(
        @NotNull UUID patientId,
        String specialty,
        UUID doctorId,
        @NotNull LocalDate from,
        @NotNull LocalDate to) {
}
