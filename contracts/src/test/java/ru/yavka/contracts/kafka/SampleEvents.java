package ru.yavka.contracts.kafka;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ru.yavka.contracts.events.AppointmentArrived;
import ru.yavka.contracts.events.AppointmentBooked;
import ru.yavka.contracts.events.AppointmentCancelled;
import ru.yavka.contracts.events.AppointmentConfirmed;
import ru.yavka.contracts.events.AppointmentRescheduled;
import ru.yavka.contracts.events.AppointmentSource;
import ru.yavka.contracts.events.DataAccessed;
import ru.yavka.contracts.events.EventMeta;
import ru.yavka.contracts.events.NoShowDetected;
import ru.yavka.contracts.events.PatientDataErased;
import ru.yavka.contracts.events.PatientErasureRequested;
import ru.yavka.contracts.events.ReminderDue;
import ru.yavka.contracts.events.SlotReleased;
import ru.yavka.contracts.events.WaitlistOffered;
import ru.yavka.contracts.events.YavkaEvent;

/** One realistic instance of every event type. */
final class SampleEvents {

    static final UUID APPOINTMENT = UUID.randomUUID();
    static final UUID PATIENT = UUID.randomUUID();
    static final UUID SLOT = UUID.randomUUID();
    static final UUID DOCTOR = UUID.randomUUID();
    static final Instant START = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

    private SampleEvents() {
    }

    static EventMeta meta(UUID aggregate, long version) {
        return EventMeta.next(aggregate.toString(), version, Instant.now());
    }

    static AppointmentBooked booked(long version) {
        return new AppointmentBooked(meta(APPOINTMENT, version), APPOINTMENT, PATIENT, SLOT, DOCTOR,
                "Иванова Анна Петровна", "cardiologist", "Москва, ул. Тверская, 7", START, 30,
                AppointmentSource.TELEGRAM, "patient:" + PATIENT);
    }

    static List<YavkaEvent> oneOfEach() {
        UUID newAppointment = UUID.randomUUID();
        UUID newSlot = UUID.randomUUID();
        return List.of(
                booked(1),
                new AppointmentConfirmed(meta(APPOINTMENT, 2), APPOINTMENT, PATIENT, START, "patient:" + PATIENT),
                new AppointmentCancelled(meta(APPOINTMENT, 3), APPOINTMENT, PATIENT, SLOT, DOCTOR, "cardiologist",
                        START, "Пациент заболел", "registrar@clinic"),
                new AppointmentRescheduled(meta(APPOINTMENT, 4), APPOINTMENT, newAppointment, PATIENT, SLOT, newSlot,
                        DOCTOR, "cardiologist", START, START.plus(1, ChronoUnit.DAYS), "patient:" + PATIENT),
                new AppointmentArrived(meta(newAppointment, 2), newAppointment, PATIENT, START, "registrar@clinic"),
                new SlotReleased(meta(SLOT, 5), SLOT, DOCTOR, "cardiologist", START, 30, "CANCELLED"),
                new ReminderDue(meta(APPOINTMENT, 1), APPOINTMENT + ":T_MINUS_24H", APPOINTMENT, PATIENT,
                        "T_MINUS_24H", START.minus(1, ChronoUnit.DAYS), "reminder.t24",
                        Map.of("doctor", "Иванова А. П.", "time", "14:00"), List.of("CONFIRM", "RESCHEDULE", "CANCEL")),
                new NoShowDetected(meta(APPOINTMENT, 6), APPOINTMENT, PATIENT, SLOT, DOCTOR, "cardiologist", START,
                        "reminder-service"),
                new WaitlistOffered(meta(UUID.randomUUID(), 2), UUID.randomUUID(), UUID.randomUUID(), PATIENT, SLOT,
                        DOCTOR, "cardiologist", START, Instant.now().plus(15, ChronoUnit.MINUTES)),
                new DataAccessed(meta(PATIENT, 0), "registrar@clinic", "registrar", PATIENT, "patient",
                        PATIENT.toString(), DataAccessed.Action.READ, "treatment", "booking-service"),
                new PatientErasureRequested(meta(PATIENT, 2), PATIENT, "telegram", "TELEGRAM", "/forget"),
                new PatientDataErased(meta(PATIENT, 3), PATIENT, "booking-service",
                        List.of("full name", "phone", "birth date", "telegram chat id"), "/forget"));
    }
}
