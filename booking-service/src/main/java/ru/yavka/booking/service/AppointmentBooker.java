package ru.yavka.booking.service;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import ru.yavka.booking.repository.Appointment;
import ru.yavka.booking.repository.AppointmentRepository;
import ru.yavka.booking.repository.AppointmentStatus;
import ru.yavka.booking.repository.Doctor;
import ru.yavka.booking.repository.DoctorRepository;
import ru.yavka.booking.repository.PatientRepository;
import ru.yavka.booking.repository.Slot;
import ru.yavka.booking.repository.SlotRepository;
import ru.yavka.booking.repository.SlotStatus;
import ru.yavka.contracts.events.AppointmentBooked;
import ru.yavka.contracts.events.AppointmentSource;
import ru.yavka.contracts.events.DataAccessed;
import ru.yavka.contracts.events.EventMeta;

/**
 * Books a slot inside the caller's transaction. The slot row is locked first, so of N
 * concurrent requests exactly one sees it free; the partial unique index on appointments
 * backs that up.
 */
@ApplicationScoped
public class AppointmentBooker {

    private final SlotRepository slots;
    private final DoctorRepository doctors;
    private final PatientRepository patients;
    private final AppointmentRepository appointments;
    private final AppointmentHistory history;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock;

    public AppointmentBooker(SlotRepository slots, DoctorRepository doctors, PatientRepository patients,
            AppointmentRepository appointments, AppointmentHistory history, Outbox outbox, AuditTrail audit,
            Clock clock) {
        this.slots = slots;
        this.doctors = doctors;
        this.patients = patients;
        this.appointments = appointments;
        this.history = history;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Appointment> bookFreeSlot(UUID patientId, UUID slotId, AppointmentSource source, Actor actor) {
        return requirePatient(patientId)
                .chain(() -> claim(slotId, SlotStatus.FREE))
                .chain(slot -> book(patientId, slot, source, actor, null));
    }

    /** Locks the patient (one booking per patient at a time) and checks the consent. */
    public Uni<Void> requirePatient(UUID patientId) {
        return patients.lockExisting(patientId)
                .chain(exists -> {
                    if (!exists) {
                        return Uni.createFrom().failure(
                                BookingProblem.invalid("patientId", "patient " + patientId + " does not exist"));
                    }
                    return patients.hasConsent(patientId);
                })
                .invoke(consented -> {
                    if (!consented) {
                        throw BookingProblem.invalid("patientId",
                                "patient " + patientId + " has not consented to personal-data processing");
                    }
                })
                .replaceWithVoid();
    }

    /** Locks the slot and checks it is in the expected state and still ahead. */
    public Uni<Slot> claim(UUID slotId, SlotStatus expected) {
        return slots.lock(slotId).invoke(slot -> {
            if (slot == null) {
                throw BookingProblem.invalid("slotId", "slot " + slotId + " does not exist");
            }
            if (!slot.start.isAfter(clock.instant())) {
                throw BookingProblem.invalid("slotId", "slot " + slotId + " is in the past");
            }
            if (slot.status != expected) {
                throw BookingProblem.conflict("slot " + slotId + " is already taken; choose another slot");
            }
        });
    }

    /** Creates the appointment on a claimed slot. {@code replacing} is excluded from the overlap check. */
    public Uni<Appointment> book(UUID patientId, Slot slot, AppointmentSource source, Actor actor, UUID replacing) {
        return appointments.countOverlapping(patientId, slot.start, slot.end(), replacing)
                .invoke(overlapping -> {
                    if (overlapping > 0) {
                        throw BookingProblem.conflict(
                                "the patient already has an appointment at an overlapping time");
                    }
                })
                .chain(() -> doctors.findById(slot.doctorId))
                .chain(doctor -> persist(patientId, slot, doctor, source, actor));
    }

    private Uni<Appointment> persist(UUID patientId, Slot slot, Doctor doctor, AppointmentSource source, Actor actor) {
        Instant now = clock.instant();
        slot.status = SlotStatus.BOOKED;
        slot.version++;
        Appointment appointment = new Appointment();
        appointment.id = UUID.randomUUID();
        appointment.patientId = patientId;
        appointment.slotId = slot.id;
        appointment.doctorId = slot.doctorId;
        appointment.specialty = doctor.specialty;
        appointment.start = slot.start;
        appointment.end = slot.end();
        appointment.status = AppointmentStatus.BOOKED;
        appointment.source = source;
        appointment.version = 1;
        appointment.createdAt = now;
        appointment.createdBy = actor.name();
        appointment.updatedAt = now;
        appointment.updatedBy = actor.name();
        return appointments.persist(appointment)
                .chain(() -> history.recordCreation(appointment, actor))
                .call(() -> outbox.append(new AppointmentBooked(
                        EventMeta.next(appointment.id.toString(), appointment.version, now),
                        appointment.id, patientId, slot.id, doctor.id, doctor.fullName, doctor.specialty,
                        doctor.address, slot.start, slot.durationMinutes, source, actor.name())))
                .call(() -> audit.record(actor, patientId, "appointment", appointment.id,
                        DataAccessed.Action.CREATE));
    }
}
