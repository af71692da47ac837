package ru.yavka.audit.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import ru.yavka.audit.service.AuditProblem;

/** Parses path and query values so a malformed one is a 400 naming the parameter, not a bare 404. */
final class Params {

    static final int DEFAULT_PAGE_SIZE = 50;

    private Params() {
    }

    static UUID uuid(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw AuditProblem.badRequest(field, field + " must be a UUID");
        }
    }

    static UUID requiredUuid(String value, String field) {
        UUID id = uuid(value, field);
        if (id == null) {
            throw AuditProblem.badRequest(field, field + " is required");
        }
        return id;
    }

    static String text(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw AuditProblem.badRequest(field, field + " is longer than " + maxLength + " characters");
        }
        return value.strip();
    }

    /** An instant with offset, or a bare date meaning the clinic's midnight (the next one for an end). */
    static Instant instant(String value, String field, boolean end) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            String text = value.strip().replace(' ', '+'); // an unencoded '+' of an offset arrives as a space
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (end ? day.plusDays(1) : day).atStartOfDay(Views.CLINIC).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw AuditProblem.badRequest(field,
                    field + " must be a date (YYYY-MM-DD) or ISO-8601 with an offset, e.g. 2026-12-05T09:00:00+03:00");
        }
    }

    static void ordered(Instant from, Instant to) {
        if (from != null && to != null && !to.isAfter(from)) {
            throw AuditProblem.badRequest("to", "to must be after from");
        }
    }

    static int page(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        int page = integer(value, "page");
        if (page < 0) {
            throw AuditProblem.badRequest("page", "page counts from 0");
        }
        return page;
    }

    static int size(String value, int max) {
        if (value == null || value.isBlank()) {
            return Math.min(DEFAULT_PAGE_SIZE, max);
        }
        int size = integer(value, "size");
        if (size < 1 || size > max) {
            throw AuditProblem.badRequest("size", "size must be between 1 and " + max);
        }
        return size;
    }

    private static int integer(String value, String field) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw AuditProblem.badRequest(field, field + " must be a whole number");
        }
    }
}
