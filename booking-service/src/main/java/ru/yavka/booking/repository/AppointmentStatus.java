package ru.yavka.booking.repository;

import java.util.EnumSet;
import java.util.Set;

public enum AppointmentStatus {
    BOOKED, CONFIRMED, ARRIVED, COMPLETED, CANCELLED, RESCHEDULED, NO_SHOW;

    /** States that hold the slot and the patient's time. */
    public static final Set<AppointmentStatus> LIVE = EnumSet.of(BOOKED, CONFIRMED, ARRIVED, COMPLETED);

    /** States in which the visit is still ahead and the patient may still change it. */
    public static final Set<AppointmentStatus> UPCOMING = EnumSet.of(BOOKED, CONFIRMED);

    public String russian() {
        return switch (this) {
            case BOOKED -> "записан";
            case CONFIRMED -> "подтверждена";
            case ARRIVED -> "пациент пришёл";
            case COMPLETED -> "приём завершён";
            case CANCELLED -> "отменена";
            case RESCHEDULED -> "перенесена";
            case NO_SHOW -> "неявка";
        };
    }
}
