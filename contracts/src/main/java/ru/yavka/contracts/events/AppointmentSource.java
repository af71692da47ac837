package ru.yavka.contracts.events;

public enum AppointmentSource {
    TELEGRAM, STAFF, PHONE
}
