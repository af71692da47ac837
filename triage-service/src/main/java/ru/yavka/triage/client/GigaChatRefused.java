package ru.yavka.triage.client;

/**
 * GigaChat answered, but not with something usable: the request was refused (4xx, a rejected
 * key), or the answer was cut by its content filter ({@code finish_reason: blacklist}) or empty.
 * Retrying would get the same, so it is not retried.
 */
public class GigaChatRefused extends RuntimeException {

    public GigaChatRefused(String message) {
        super(message);
    }

    public GigaChatRefused(String message, Throwable cause) {
        super(message, cause);
    }
}
