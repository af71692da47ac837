package ru.yavka.notification.client;

/** booking-service answered 4xx (e.g. no such doctor): its answer, not a fault of the connection. */
public class BookingRejection extends RuntimeException {

    private final int status;

    public BookingRejection(int status, String body) {
        super("booking-service answered " + status + (body == null || body.isBlank() ? "" : ": " + body));
        this.status = status;
    }

    public int status() {
        return status;
    }
}
