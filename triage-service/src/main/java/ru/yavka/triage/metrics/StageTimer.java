package ru.yavka.triage.metrics;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Time spent in one step of a triage (embedding, vector query, lexical search, audit write), as
 * {@code triage_stage_seconds{stage=...}} with p50 and p99 in /q/metrics, so that an operator sees
 * which step a slow request spent its time in.
 */
public final class StageTimer {

    private StageTimer() {
    }

    public static Timer of(MeterRegistry registry, String stage) {
        return Timer.builder("triage.stage")
                .description("Time spent in one step of a triage request")
                .tag("stage", stage)
                .publishPercentiles(0.5, 0.99)
                .distributionStatisticExpiry(Duration.ofMinutes(5))
                .register(registry);
    }
}
