package ru.yavka.reminder.client;

/** booking-service could not answer (5xx); worth a retry. */
public class BookingUnavailableException extends RuntimeException {

    public BookingUnavailableException(String message) {
        super(message);
    }
}
