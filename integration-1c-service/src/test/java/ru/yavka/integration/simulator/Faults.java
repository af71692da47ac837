package ru.yavka.integration.simulator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the simulator does wrong, per endpoint group: answer 500, answer late (after doing the
 * work, as a slow 1C would), answer garbage, drop the connection, or hold the request until the
 * test releases it. {@code ratio} makes it happen to that share of the requests, at random.
 */
final class Faults {

    enum Mode {
        OK, ERROR, TIMEOUT, GARBAGE, RESET, HOLD
    }

    /** {@code method} limits the fault to one HTTP method (e.g. POST: creates and Post() answer late). */
    record Fault(Mode mode, double ratio, int delayMs, String method) {
    }

    private final Map<String, Fault> byGroup = new ConcurrentHashMap<>();
    private final Object holdLock = new Object();
    private final AtomicInteger held = new AtomicInteger();
    private Mode releasedAs;
    private long releaseGeneration;

    void set(String group, Fault fault) {
        if (fault.mode() == Mode.OK) {
            byGroup.remove(group);
        } else {
            byGroup.put(group, fault);
        }
    }

    void clear() {
        byGroup.clear();
        release(Mode.OK);
    }

    /** The fault for this request, or OK; group "*" applies to every group. */
    Fault draw(String group, String method) {
        Fault fault = byGroup.getOrDefault(group, byGroup.get("*"));
        if (fault == null || fault.method() != null && !fault.method().equalsIgnoreCase(method)
                || ThreadLocalRandom.current().nextDouble() >= fault.ratio()) {
            return new Fault(Mode.OK, 1, 0, null);
        }
        return fault;
    }

    Map<String, Fault> current() {
        return Map.copyOf(byGroup);
    }

    /** Blocks a HOLD request until released (or a minute passes); returns how to answer it. */
    Mode hold() throws InterruptedException {
        synchronized (holdLock) {
            long generation = releaseGeneration;
            held.incrementAndGet();
            try {
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
                while (generation == releaseGeneration) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return Mode.ERROR;
                    }
                    TimeUnit.NANOSECONDS.timedWait(holdLock, left);
                }
                return releasedAs;
            } finally {
                held.decrementAndGet();
            }
        }
    }

    int held() {
        return held.get();
    }

    void release(Mode as) {
        synchronized (holdLock) {
            releasedAs = as;
            releaseGeneration++;
            holdLock.notifyAll();
        }
    }
}
