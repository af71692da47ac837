package ru.yavka.notification.rest;

import java.util.List;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * RFC 7807 problem details; {@code field} (and {@code errors} for several) name the input at
 * fault, {@code service} the upstream service that could not answer.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field, List<FieldError> errors,
        String service) {

    public static final String MEDIA = "application/problem+json";
    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

    public record FieldError(String field, String reason) {
    }

    public static Response response(int status, String title, String detail, String field) {
        return build(new Problem("about:blank", title, status, detail, field, null, null));
    }

    public static Response invalid(List<FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.reason()).reduce((a, b) -> a + "; " + b)
                .orElse("invalid request");
        String field = errors.isEmpty() ? null : errors.get(0).field();
        return build(new Problem("about:blank", "Bad request", 400, detail, field, errors, null));
    }

    private static Response build(Problem problem) {
        return Response.status(problem.status()).type(MEDIA_TYPE).entity(problem).build();
    }
}
