package ru.yavka.integration.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;

/** RFC 7807 problem details; {@code field} names the input at fault. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String field) {

    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

    public static Response response(int status, String title, String detail, String field) {
        return Response.status(status).type(MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail, field)).build();
    }
}
