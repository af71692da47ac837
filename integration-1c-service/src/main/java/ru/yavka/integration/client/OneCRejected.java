package ru.yavka.integration.client;

/**
 * 1C understood the request and refused it (4xx, for OData with {@code odata.error}). That is
 * an answer, not an outage: it does not count against the breaker, and retrying unchanged
 * would not help. {@code oneCMessage} is 1C's own text, which may name a person; it is kept
 * out of {@link #getMessage()} and so out of logs.
 */
public class OneCRejected extends RuntimeException {

    private final int status;
    private final String code;
    private final String oneCMessage;

    public OneCRejected(String what, int status, String code, String oneCMessage) {
        super(what + " refused by 1C: HTTP " + status + (code == null ? "" : ", code " + code));
        this.status = status;
        this.code = code;
        this.oneCMessage = oneCMessage;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String oneCMessage() {
        return oneCMessage;
    }
}
