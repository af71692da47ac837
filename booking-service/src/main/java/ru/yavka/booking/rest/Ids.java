package ru.yavka.booking.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import ru.yavka.booking.service.BookingProblem;

/** Parses path and query values so a malformed one is a 400 naming the parameter, not a bare 404. */
final class Ids {

    private Ids() {
    }

    static UUID uuid(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw BookingProblem.badRequest(field, field + " must be a UUID");
        }
    }

    static UUID requiredUuid(String value, String field) {
        UUID id = uuid(value, field);
        if (id == null) {
            throw BookingProblem.badRequest(field, field + " is required");
        }
        return id;
    }

    static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw BookingProblem.badRequest(field, field + " must be a date, YYYY-MM-DD");
        }
    }

    /** An instant with offset, or a bare date meaning the clinic's midnight (the next one for an end). */
    static Instant instant(String value, String field, boolean end) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (end ? day.plusDays(1) : day).atStartOfDay(Views.CLINIC).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw BookingProblem.badRequest(field,
                    field + " must be a date (YYYY-MM-DD) or ISO-8601 with an offset, e.g. 2026-12-05T09:00:00+03:00");
        }
    }
}
