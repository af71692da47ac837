package ru.yavka.integration.client;

/** booking-service answered 5xx or could not be reached. */
public class BookingUnavailable extends RuntimeException {

    public BookingUnavailable(String message) {
        super(message);
    }
}
