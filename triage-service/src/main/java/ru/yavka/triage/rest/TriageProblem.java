package ru.yavka.triage.rest;

/** A request refused with a status and the field at fault. */
public class TriageProblem extends RuntimeException {

    private final int status;
    private final String field;

    public TriageProblem(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }
}
