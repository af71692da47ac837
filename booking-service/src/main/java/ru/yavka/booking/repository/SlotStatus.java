package ru.yavka.booking.repository;

public enum SlotStatus {
    FREE, BOOKED, OFFERED, BLOCKED
}
