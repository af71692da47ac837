package ru.yavka.audit.service;

/**
 * A request the service refuses. Rendered as RFC 7807 problem+json; {@code field} names the
 * input at fault when there is one.
 */
public class AuditProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final String field;

    public AuditProblem(int status, String title, String detail, String field) {
        super(detail);
        this.status = status;
        this.title = title;
        this.field = field;
    }

    public static AuditProblem badRequest(String field, String detail) {
        return new AuditProblem(400, "Bad request", detail, field);
    }

    public static AuditProblem invalid(String field, String detail) {
        return new AuditProblem(422, "Unprocessable request", detail, field);
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
