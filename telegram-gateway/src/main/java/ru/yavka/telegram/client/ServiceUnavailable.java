package ru.yavka.telegram.client;

/** Another Yavka service failed (5xx): retried, and counted by the circuit breaker. */
public class ServiceUnavailable extends RuntimeException {

    public ServiceUnavailable(String message) {
        super(message);
    }
}
