package ru.yavka.integration.client;

/** 1C did not answer usefully: no connection, a timeout, 5xx, or an unexpected status. Counts against the breaker. */
public class OneCUnavailable extends RuntimeException {

    public OneCUnavailable(String message) {
        super(message);
    }

    public OneCUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
