package ru.yavka.booking.service;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Working hours over a date range, in the clinic's local time; cut into slots of equal length. */
public record ScheduleRequest(
        @NotNull LocalDate from,
        @NotNull LocalDate to,
        @NotNull LocalTime dayStart,
        @NotNull LocalTime dayEnd,
        @NotNull @Min(5) @Max(480) Integer slotMinutes,
        Set<DayOfWeek> weekdays) {
}
