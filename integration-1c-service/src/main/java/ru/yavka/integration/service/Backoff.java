package ru.yavka.integration.service;

import java.time.Duration;

/** Waits that double per failed attempt, up to a ceiling. */
final class Backoff {

    private Backoff() {
    }

    static Duration after(int attempts, Duration base, Duration max) {
        int doublings = Math.max(0, Math.min(attempts - 1, 20));
        Duration wait = base.multipliedBy(1L << doublings);
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
