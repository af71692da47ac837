package ru.yavka.telegram.client;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/** booking-service's JSON shapes, as far as the gateway needs them (unknown fields are ignored). */
public final class BookingViews {

    /** Appointment states in which the visit is still ahead and the patient may change it. */
    public static final Set<String> UPCOMING = Set.of("BOOKED", "CONFIRMED");

    private BookingViews() {
    }

    public record Specialty(String code, String name) {
    }

    public record Doctor(UUID id, String fullName, String specialty, String branch, String address) {
    }

    public record Slot(UUID id, UUID doctorId, String doctorName, String specialty, OffsetDateTime start,
            int durationMinutes, String status) {
    }

    public record Hold(UUID slotId, String holder, OffsetDateTime expiresAt) {
    }

    public record Consent(Boolean given, String version, String channel) {
        public static Consent telegram(String version) {
            return new Consent(true, version, "TELEGRAM");
        }
    }

    public record Patient(UUID id, String fullName, String phone, LocalDate birthDate, String telegramChatId) {
    }

    public record Appointment(UUID id, UUID patientId, UUID slotId, UUID doctorId, String specialty,
            OffsetDateTime start, OffsetDateTime end, String status, String source, UUID rescheduledTo,
            long version) {

        public boolean upcoming() {
            return UPCOMING.contains(status);
        }
    }

    public record NewPatient(String fullName, String phone, LocalDate birthDate, String telegramChatId,
            Consent consent) {
    }

    public record TelegramLink(String telegramChatId, Consent consent) {
    }

    public record HoldRequest(String holder) {
    }

    public record Book(UUID patientId, UUID slotId, String source, String holder) {
    }

    public record Cancel(String reason) {
    }

    public record Reschedule(UUID slotId) {
    }

    public record AcceptOffer(String source) {
    }

    public record WaitlistJoin(UUID patientId, String specialty, UUID doctorId, LocalDate from, LocalDate to) {
    }

    public record WaitlistEntry(UUID id, UUID patientId, String specialty, UUID doctorId, LocalDate from,
            LocalDate to, String status) {
    }
}
