package ru.yavka.integration.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads one field of a 1C record, or says in words what is wrong with it. The words name the
 * field and the rule, never the value: 1C's data may carry personal data, logs must not.
 */
final class JsonFields {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:/-]{1,64}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private JsonFields() {
    }

    /** A problem with one field: the record is rejected with this reason. */
    static final class Invalid extends RuntimeException {
        Invalid(String reason) {
            super(reason, null, false, false);
        }
    }

    static String text(JsonNode record, String field, int maxLength, boolean required) {
        JsonNode node = record.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new Invalid("'" + field + "' is missing");
            }
            return null;
        }
        if (!node.isTextual() && !node.isNumber()) {
            throw new Invalid("'" + field + "' is not a string");
        }
        String value = node.asText().strip();
        if (value.isEmpty()) {
            if (required) {
                throw new Invalid("'" + field + "' is blank");
            }
            return null;
        }
        if (value.length() > maxLength) {
            throw new Invalid("'" + field + "' is longer than " + maxLength + " characters");
        }
        if (CONTROL.matcher(value).find()) {
            throw new Invalid("'" + field + "' contains control characters");
        }
        return value;
    }

    static int integer(JsonNode record, String field, int min, int max) {
        JsonNode node = record.get(field);
        if (node == null || node.isNull()) {
            throw new Invalid("'" + field + "' is missing");
        }
        int value;
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            value = node.intValue();
        } else if (node.isTextual() && node.asText().strip().matches("-?\\d{1,9}")) {
            value = Integer.parseInt(node.asText().strip());
        } else {
            throw new Invalid("'" + field + "' is not a whole number");
        }
        if (value < min || value > max) {
            throw new Invalid("'" + field + "' is outside " + min + ".." + max);
        }
        return value;
    }

    static BigDecimal decimal(JsonNode record, String field, BigDecimal min, boolean minExclusive, BigDecimal max,
            int scale) {
        JsonNode node = record.get(field);
        if (node == null || node.isNull()) {
            throw new Invalid("'" + field + "' is missing");
        }
        BigDecimal value;
        try {
            value = node.isNumber() ? node.decimalValue() : new BigDecimal(node.asText().strip());
        } catch (NumberFormatException e) {
            throw new Invalid("'" + field + "' is not a number");
        }
        int cmp = value.compareTo(min);
        if (cmp < 0 || minExclusive && cmp == 0 || value.compareTo(max) > 0) {
            throw new Invalid("'" + field + "' is outside " + (minExclusive ? "(" : "[") + min + ".." + max + "]");
        }
        if (value.stripTrailingZeros().scale() > scale) {
            throw new Invalid("'" + field + "' has more than " + scale + " decimals");
        }
        return value;
    }

    /** ISO-8601 with an offset, or a local date-time read in the clinic's zone (1C often sends those). */
    static Instant instant(JsonNode record, String field, ZoneId zone) {
        String value = text(record, field, 40, true);
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException withOffset) {
            try {
                return LocalDateTime.parse(value).atZone(zone).toInstant();
            } catch (DateTimeParseException local) {
                throw new Invalid("'" + field + "' is not an ISO-8601 date-time");
            }
        }
    }

    static UUID uuid(JsonNode record, String field) {
        String value = text(record, field, 36, true);
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new Invalid("'" + field + "' is not a UUID");
        }
    }

    static JsonNode array(JsonNode record, String field) {
        JsonNode node = record.get(field);
        if (node == null || !node.isArray()) {
            throw new Invalid("'" + field + "' is not an array");
        }
        return node;
    }

    /** An id fit for a log line, or a placeholder: ids are shown only when they look like ids. */
    static String safeId(String id) {
        return id != null && SAFE_ID.matcher(id).matches() ? id : "(id not shown)";
    }
}
