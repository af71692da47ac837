package ru.yavka.booking.service;

/**
 * A request the rules refuse. Rendered as RFC 7807 problem+json; {@code field} names the
 * input at fault when there is one.
 */
public class BookingProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final String field;

    public BookingProblem(int status, String title, String detail, String field) {
        super(detail);
        this.status = status;
        this.title = title;
        this.field = field;
    }

    public static BookingProblem notFound(String what, Object id) {
        return new BookingProblem(404, "Not found", what + " " + id + " does not exist", null);
    }

    public static BookingProblem conflict(String detail) {
        return new BookingProblem(409, "Conflict", detail, null);
    }

    public static BookingProblem invalid(String field, String detail) {
        return new BookingProblem(422, "Unprocessable request", detail, field);
    }

    public static BookingProblem badRequest(String field, String detail) {
        return new BookingProblem(400, "Bad request", detail, field);
    }

    public static BookingProblem forbidden(String field, String detail) {
        return new BookingProblem(403, "Forbidden", detail, field);
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
