package ru.yavka.integration.client;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An appointment as Yavka tells 1C:Медицина about it. {@code patient} carries the person's
 * details only while 1C has no card for them yet; after that the card id is enough.
 */
public record AppointmentPush(
        UUID appointmentId,
        long version,
        String status,
        String doctorExternalId,
        String slotExternalId,
        Instant start,
        Integer durationMinutes,
        String specialty,
        String source,
        UUID rescheduledTo,
        UUID patientId,
        String cardId,
        PatientDetails patient) {

    public record PatientDetails(String fullName, LocalDate birthDate, String phone) {
    }
}
