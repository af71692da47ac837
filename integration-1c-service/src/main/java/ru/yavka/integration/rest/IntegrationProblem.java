package ru.yavka.integration.rest;

/** A request this API refuses, rendered as problem+json. */
public class IntegrationProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final String field;

    public IntegrationProblem(int status, String title, String detail, String field) {
        super(detail);
        this.status = status;
        this.title = title;
        this.field = field;
    }

    public static IntegrationProblem badRequest(String field, String detail) {
        return new IntegrationProblem(400, "Bad request", detail, field);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String field() {
        return field;
    }
}
