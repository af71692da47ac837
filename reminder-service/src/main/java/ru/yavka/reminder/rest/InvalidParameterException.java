package ru.yavka.reminder.rest;

/** A request parameter that is missing or malformed; the problem names it. */
public class InvalidParameterException extends RuntimeException {

    private final String field;

    public InvalidParameterException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
