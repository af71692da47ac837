package ru.yavka.telegram.client;

/**
 * Another service's answer to a request it refuses (4xx, problem+json). Never retried and
 * never counted against the circuit breaker: the service is fine, the request is not.
 */
public class ServiceRejection extends RuntimeException {

    private final int status;
    private final String detail;
    private final String field;

    public ServiceRejection(int status, String detail, String field) {
        super("answered " + status + (field == null ? "" : " (field " + field + ")"));
        this.status = status;
        this.detail = detail == null ? "" : detail;
        this.field = field;
    }

    public int status() {
        return status;
    }

    /** The problem's detail; may name an appointment state, e.g. "… is cancelled (отменена) …". */
    public String detail() {
        return detail;
    }

    public String field() {
        return field;
    }

    public boolean isConflict() {
        return status == 409;
    }

    public boolean isNotFound() {
        return status == 404;
    }
}
