package ru.yavka.audit.client;

import jakarta.ws.rs.WebApplicationException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What another service answered: a body, or a status in the 4xx range that is an answer, not an
 * outage (unknown patient, erased patient, a role it does not admit). Such answers are neither
 * retried nor counted by the circuit breakers.
 */
public record Reply(int status, JsonNode body) {

    public static Reply of(JsonNode body) {
        return new Reply(200, body);
    }

    public boolean ok() {
        return status == 200;
    }

    /** A refusal the other service will repeat however often it is asked. */
    static boolean isAnswer(Throwable failure) {
        return failure instanceof WebApplicationException web && web.getResponse() != null
                && web.getResponse().getStatus() >= 400 && web.getResponse().getStatus() < 500
                && web.getResponse().getStatus() != 408 && web.getResponse().getStatus() != 429;
    }

    static Reply answer(Throwable failure) {
        return new Reply(((WebApplicationException) failure).getResponse().getStatus(), null);
    }
}
