package ru.yavka.triage.client;

/** GigaChat could not answer now (429, 5xx, timeout, connection): worth a retry, counts for the breaker. */
public class GigaChatUnavailable extends RuntimeException {

    public GigaChatUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
