package ru.yavka.booking.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import ru.yavka.booking.repository.Appointment;
import ru.yavka.booking.repository.AppointmentChange;
import ru.yavka.booking.repository.Doctor;
import ru.yavka.booking.repository.Patient;
import ru.yavka.booking.repository.Slot;
import ru.yavka.booking.repository.WaitlistEntry;
import ru.yavka.booking.repository.WaitlistOffer;
import ru.yavka.booking.service.WaitlistHistory;
import ru.yavka.contracts.events.AppointmentSource;
import ru.yavka.contracts.events.Specialty;

/** The API's JSON shapes. Times go out as ISO-8601 in the clinic's zone (with its offset). */
final class Views {

    static final ZoneId CLINIC = ZoneId.of("Europe/Moscow");

    private Views() {
    }

    static OffsetDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(CLINIC).toOffsetDateTime();
    }

    record SpecialtyView(String code, String name) {
        static SpecialtyView of(Specialty s) {
            return new SpecialtyView(s.code(), s.russianName());
        }
    }

    record DoctorView(UUID id, String fullName, String specialty, String branch, String address, String externalId) {
        static DoctorView of(Doctor d) {
            return new DoctorView(d.id, d.fullName, d.specialty, d.branch, d.address, d.externalId);
        }
    }

    record SlotView(UUID id, UUID doctorId, String doctorName, String specialty, OffsetDateTime start,
            int durationMinutes, String status, String externalId) {
        static SlotView of(Slot s, Doctor d) {
            return new SlotView(s.id, s.doctorId, d == null ? null : d.fullName, d == null ? null : d.specialty,
                    local(s.start), s.durationMinutes, s.status.name(), s.externalId);
        }
    }

    record ConsentView(boolean given, String version, String channel, OffsetDateTime at) {
    }

    record PatientView(UUID id, String fullName, String phone, LocalDate birthDate, String telegramChatId,
            ConsentView consent) {
        static PatientView of(Patient p) {
            return new PatientView(p.id, p.fullName, p.phone, LocalDate.parse(p.birthDate), p.telegramChatId,
                    new ConsentView(p.consentGiven, p.consentVersion, p.consentChannel, local(p.consentAt)));
        }
    }

    record AppointmentView(UUID id, UUID patientId, UUID slotId, UUID doctorId, String specialty,
            OffsetDateTime start, OffsetDateTime end, String status, AppointmentSource source, UUID rescheduledTo,
            String cancelReason, long version, OffsetDateTime updatedAt, String updatedBy) {
        static AppointmentView of(Appointment a) {
            return new AppointmentView(a.id, a.patientId, a.slotId, a.doctorId, a.specialty, local(a.start),
                    local(a.end), a.status.name(), a.source, a.rescheduledTo, a.cancelReason, a.version,
                    local(a.updatedAt), a.updatedBy);
        }
    }

    record ChangeView(String from, String to, String actor, OffsetDateTime at, String note) {
        static ChangeView of(AppointmentChange c) {
            return new ChangeView(c.fromStatus == null ? null : c.fromStatus.name(), c.toStatus.name(), c.actor,
                    local(c.changedAt), c.note);
        }
    }

    /** {@code offers} only in one patient's list (their access request); the whole waitlist leaves it out. */
    record WaitlistEntryView(UUID id, UUID patientId, String specialty, UUID doctorId, LocalDate from, LocalDate to,
            String status, OffsetDateTime createdAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<WaitlistOfferView> offers) {
        static WaitlistEntryView of(WaitlistEntry e) {
            return of(e, null);
        }

        static WaitlistEntryView of(WaitlistHistory h) {
            return of(h.entry(), h.offers().stream().map(WaitlistOfferView::of).toList());
        }

        private static WaitlistEntryView of(WaitlistEntry e, List<WaitlistOfferView> offers) {
            return new WaitlistEntryView(e.id, e.patientId, e.specialty, e.doctorId, e.fromDate, e.toDate,
                    e.status.name(), local(e.createdAt), offers);
        }
    }

    record WaitlistOfferView(UUID id, UUID entryId, UUID patientId, UUID slotId, String status,
            OffsetDateTime offeredAt, OffsetDateTime expiresAt, UUID appointmentId) {
        static WaitlistOfferView of(WaitlistOffer o) {
            return new WaitlistOfferView(o.id, o.entryId, o.patientId, o.slotId, o.status.name(), local(o.offeredAt),
                    local(o.expiresAt), o.appointmentId);
        }
    }
}
