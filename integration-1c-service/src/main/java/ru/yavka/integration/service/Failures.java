package ru.yavka.integration.service;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import ru.yavka.integration.client.OneCGarbage;

/** Short, log-safe words for why a 1C call did not give data. */
final class Failures {

    private Failures() {
    }

    static String describe(Throwable failure) {
        if (failure instanceof CircuitBreakerOpenException) {
            return "circuit breaker open, 1C not called";
        }
        if (failure instanceof TimeoutException) {
            return "1C did not answer in time";
        }
        if (failure instanceof OneCGarbage) {
            return "1C's answer was rejected: " + failure.getMessage();
        }
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }

    static boolean breakerOpen(Throwable failure) {
        return failure instanceof CircuitBreakerOpenException;
    }
}
