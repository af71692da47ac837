package ru.yavka.audit.service;

/**
 * An event that can never be stored as it is (no envelope, a value PostgreSQL refuses). Retrying
 * would stall the log for everyone, so it is handed to the dead-letter topic instead.
 */
public class UnstorableEvent extends RuntimeException {

    public UnstorableEvent(String message) {
        super(message);
    }

    public UnstorableEvent(String message, Throwable cause) {
        super(message, cause);
    }
}
