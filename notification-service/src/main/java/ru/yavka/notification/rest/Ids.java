package ru.yavka.notification.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import ru.yavka.notification.service.ApiProblem;

/** Parses path and query values so a malformed one is a 400 naming the parameter. */
final class Ids {

    private Ids() {
    }

    static UUID requiredUuid(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ApiProblem.badRequest(field, field + " is required");
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(field, field + " must be a UUID");
        }
    }

    static LocalDate date(String value, String field, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest(field, field + " must be a date, YYYY-MM-DD");
        }
    }
}
