package ru.yavka.booking.service;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import ru.yavka.booking.repository.Appointment;
import ru.yavka.booking.repository.AppointmentChange;
import ru.yavka.booking.repository.AppointmentChangeRepository;
import ru.yavka.booking.repository.AppointmentStatus;

/** Moves an appointment to a new state, bumping its version and recording who did it and when. */
@ApplicationScoped
public class AppointmentHistory {

    private final AppointmentChangeRepository changes;
    private final Clock clock;

    public AppointmentHistory(AppointmentChangeRepository changes, Clock clock) {
        this.changes = changes;
        this.clock = clock;
    }

    public Uni<Appointment> transition(Appointment appointment, AppointmentStatus to, Actor actor, String note) {
        AppointmentStatus from = appointment.status;
        appointment.status = to;
        appointment.version++;
        appointment.updatedAt = clock.instant();
        appointment.updatedBy = actor.name();
        return record(appointment, from, actor, note);
    }

    public Uni<Appointment> recordCreation(Appointment appointment, Actor actor) {
        return record(appointment, null, actor, null);
    }

    private Uni<Appointment> record(Appointment appointment, AppointmentStatus from, Actor actor, String note) {
        AppointmentChange change = new AppointmentChange();
        change.appointmentId = appointment.id;
        change.fromStatus = from;
        change.toStatus = appointment.status;
        change.actor = actor.name();
        change.changedAt = appointment.updatedAt;
        change.note = note;
        return changes.persist(change).replaceWith(appointment);
    }
}
