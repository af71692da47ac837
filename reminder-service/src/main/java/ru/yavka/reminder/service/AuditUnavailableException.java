package ru.yavka.reminder.service;

/** The DataAccessed event could not be written, so the data must not be shown. */
public class AuditUnavailableException extends RuntimeException {

    public AuditUnavailableException(Throwable cause) {
        super("DataAccessed could not be published", cause);
    }
}
