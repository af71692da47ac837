package ru.yavka.reminder.client;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** booking-service answered with a 4xx: a decision about the appointment, not an outage. */
public class BookingRejection extends RuntimeException {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String[] STATUS_MEMBERS = {"appointmentStatus", "currentStatus"};

    private final int status;
    private final String body;

    public BookingRejection(int status, String body) {
        super("booking-service answered " + status + ": " + body);
        this.status = status;
        this.body = body == null ? "" : body;
    }

    public int status() {
        return status;
    }

    /**
     * The appointment's status named by a 409 problem: an extension member
     * ({@code appointmentStatus} or {@code currentStatus}) when booking-service sends one,
     * otherwise a status word in {@code detail} or {@code title}.
     */
    public Optional<String> appointmentStatus() {
        JsonNode problem;
        try {
            problem = MAPPER.readTree(body);
        } catch (Exception e) {
            problem = null;
        }
        if (problem != null && problem.isObject()) {
            for (String member : STATUS_MEMBERS) {
                if (problem.path(member).isTextual()) {
                    return Optional.of(problem.path(member).asText().toUpperCase(Locale.ROOT));
                }
            }
        }
        String text = problem != null && problem.isObject()
                ? problem.path("detail").asText("") + " " + problem.path("title").asText("")
                : body;
        String upper = text.toUpperCase(Locale.ROOT);
        for (String known : new String[] {"NO_SHOW", "ARRIVED", "COMPLETED", "CANCELLED", "RESCHEDULED"}) {
            if (upper.contains(known)) {
                return Optional.of(known);
            }
        }
        return Optional.empty();
    }
}
