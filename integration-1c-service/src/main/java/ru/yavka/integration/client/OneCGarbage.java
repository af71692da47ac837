package ru.yavka.integration.client;

/**
 * 1C answered 200 with something that is not the contract (not JSON, wrong shape, every item
 * invalid). Counts against the breaker like an outage; the reason never quotes 1C's data.
 */
public class OneCGarbage extends RuntimeException {

    public OneCGarbage(String reason) {
        super(reason);
    }
}
