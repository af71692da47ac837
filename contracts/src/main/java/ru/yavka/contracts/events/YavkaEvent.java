package ru.yavka.contracts.events;

/** Every event exchanged between services; the permitted list is the full catalogue of topics. */
public sealed interface YavkaEvent permits AppointmentBooked, AppointmentConfirmed, AppointmentCancelled,
        AppointmentRescheduled, AppointmentArrived, SlotReleased, ReminderDue, NoShowDetected,
        WaitlistOffered, DataAccessed, PatientErasureRequested, PatientDataErased {

    EventMeta meta();
}
