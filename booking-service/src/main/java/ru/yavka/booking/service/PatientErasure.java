package ru.yavka.booking.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import ru.yavka.booking.repository.Patient;
import ru.yavka.booking.repository.PatientRepository;
import ru.yavka.contracts.events.DataAccessed;
import ru.yavka.contracts.events.EventMeta;
import ru.yavka.contracts.events.PatientDataErased;
import ru.yavka.contracts.events.PatientErasureRequested;

/**
 * Withdrawal of consent (152-FZ Art. 9, 21 part 5): booking-service stops processing at once,
 * erases the personal data it holds, and tells every other service to do the same.
 */
@ApplicationScoped
public class PatientErasure {

    public record Outcome(UUID patientId, Instant erasedAt, int cancelledAppointments) {
    }

    static final List<String> CATEGORIES = List.of("full name", "phone", "birth date", "telegram chat id",
            "upcoming appointments", "waitlist entries");

    private final PatientRepository patients;
    private final AppointmentService appointments;
    private final WaitlistService waitlist;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock;

    public PatientErasure(PatientRepository patients, AppointmentService appointments, WaitlistService waitlist,
            Outbox outbox, AuditTrail audit, Clock clock) {
        this.patients = patients;
        this.appointments = appointments;
        this.waitlist = waitlist;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** Idempotent: erasing an erased patient answers with the first erasure. */
    @WithTransaction
    public Uni<Outcome> erase(UUID patientId, String reason, String channel, Actor actor) {
        return patients.findDecrypted(patientId)
                .onItem().ifNull().failWith(() -> BookingProblem.notFound("patient", patientId))
                .chain(patient -> patient.erased()
                        ? Uni.createFrom().item(new Outcome(patientId, patient.erasedAt, 0))
                        : eraseNow(patient, reason, channel, actor));
    }

    private Uni<Outcome> eraseNow(Patient patient, String reason, String channel, Actor actor) {
        return appointments.cancelAllUpcoming(patient.id, "согласие на обработку данных отозвано", actor)
                .call(() -> waitlist.withdraw(patient.id))
                .chain(cancelled -> {
                    Instant now = clock.instant();
                    patient.fullName = null;
                    patient.phone = null;
                    patient.birthDate = null;
                    patient.telegramChatId = null;
                    patient.phoneHmac = null;
                    patient.chatIdHmac = null;
                    patient.consentGiven = false;
                    patient.erasedAt = now;
                    patient.version++;
                    String aggregate = patient.id.toString();
                    return outbox.append(new PatientErasureRequested(EventMeta.next(aggregate, patient.version, now),
                                    patient.id, actor.name(), channel, reason))
                            .call(() -> outbox.append(new PatientDataErased(
                                    EventMeta.next(aggregate, patient.version, now), patient.id, "booking-service",
                                    CATEGORIES, reason)))
                            .call(() -> audit.record(actor, patient.id, "patient", patient.id,
                                    DataAccessed.Action.DELETE))
                            .replaceWith(new Outcome(patient.id, now, cancelled));
                });
    }
}
