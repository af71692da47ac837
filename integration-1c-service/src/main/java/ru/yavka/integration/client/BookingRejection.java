package ru.yavka.integration.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * booking-service's 4xx answer (problem+json): its decision, not an outage. Neither retried
 * nor counted against the breaker. Problem details name fields, never personal data.
 */
public class BookingRejection extends RuntimeException {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final int status;
    private final String field;

    public BookingRejection(int status, String body) {
        super("booking-service answered " + status + ": " + detail(body));
        this.status = status;
        this.field = field(body);
    }

    public int status() {
        return status;
    }

    /** The problem's {@code field}, e.g. {@code start} or {@code externalId}. */
    public String field() {
        return field;
    }

    private static String detail(String body) {
        JsonNode problem = parse(body);
        return problem == null ? "(no problem details)" : problem.path("detail").asText("(no detail)");
    }

    private static String field(String body) {
        JsonNode problem = parse(body);
        return problem == null ? null : problem.path("field").asText(null);
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return MAPPER.readTree(body);
        } catch (Exception e) {
            return null;
        }
    }
}
