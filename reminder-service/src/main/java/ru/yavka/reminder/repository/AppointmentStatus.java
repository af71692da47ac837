package ru.yavka.reminder.repository;

/** As far as reminders care. UNKNOWN: a row made by an event that overtook the booking. */
public enum AppointmentStatus {
    UNKNOWN, BOOKED, CONFIRMED, CANCELLED, RESCHEDULED, ARRIVED;

    /** No message and no no-show check may follow. */
    public boolean isFinal() {
        return this == CANCELLED || this == RESCHEDULED || this == ARRIVED;
    }
}
