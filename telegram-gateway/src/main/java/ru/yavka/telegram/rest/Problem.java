package ru.yavka.telegram.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.ws.rs.core.Response;

/** RFC 7807 problem details, as every Yavka service answers errors. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPES = "https://yavka.local/problems/";

    public static Response response(int status, String type, String title, String detail) {
        return Response.status(status)
                .type(MEDIA_TYPE)
                .entity(new Problem(TYPES + type, title, status, detail))
                .build();
    }
}
