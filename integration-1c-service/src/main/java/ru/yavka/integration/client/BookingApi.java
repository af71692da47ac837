package ru.yavka.integration.client;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** booking-service's JSON shapes, as far as this service reads and writes them. */
public final class BookingApi {

    private BookingApi() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Doctor(UUID id, String fullName, String specialty, String branch, String address,
            String externalId) {
    }

    public record NewDoctor(String fullName, String specialty, String branch, String address, String externalId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Slot(UUID id, UUID doctorId, OffsetDateTime start, int durationMinutes, String status,
            String externalId) {
    }

    public record NewSlot(OffsetDateTime start, int durationMinutes, String externalId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Appointment(UUID id, UUID patientId, UUID slotId, UUID doctorId, String specialty,
            OffsetDateTime start, OffsetDateTime end, String status, String source) {
    }

    /** Personal data: read only to hand it to 1C, always with a DataAccessed record, never logged. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Patient(UUID id, String fullName, String phone, LocalDate birthDate) {

        @Override
        public String toString() {
            return "Patient[" + id + "]";
        }
    }
}
