package ru.yavka.reminder.repository;

public enum TouchStatus {
    PLANNED, SENT, SKIPPED, CANCELLED
}
