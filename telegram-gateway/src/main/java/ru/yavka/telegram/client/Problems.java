package ru.yavka.telegram.client;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Turns another service's error answer into an exception the callers can act on. */
final class Problems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    static RuntimeException of(String service, Response response) {
        int status = response.getStatus();
        if (status >= 500) {
            return new ServiceUnavailable(service + " answered " + status);
        }
        String detail = null;
        String field = null;
        try {
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            if (!body.isBlank()) {
                JsonNode problem = JSON.readTree(body);
                detail = problem.path("detail").asText(null);
                field = problem.path("field").asText(null);
            }
        } catch (Exception e) {
            // A body that is not problem+json still leaves the status to act on.
        }
        return new ServiceRejection(status, detail, field);
    }
}
