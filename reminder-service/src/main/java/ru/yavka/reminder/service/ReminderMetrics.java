package ru.yavka.reminder.service;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** What the clinic watches at /q/metrics: touches out, answers after them, no-shows, and how late touches leave. */
@ApplicationScoped
public class ReminderMetrics {

    private final MeterRegistry registry;
    private final Timer dispatchLag;
    private final Counter noShows;

    public ReminderMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.dispatchLag = Timer.builder("reminder.dispatch.lag")
                .description("Emit time (Kafka ack) minus due time of a touch")
                .publishPercentiles(0.5, 0.95, 0.99)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofHours(1))
                .register(registry);
        this.noShows = Counter.builder("reminder.no.shows")
                .description("Appointments this service turned into NO_SHOW at T+30m")
                .register(registry);
    }

    public void touchSent(String kind, Duration lag) {
        Counter.builder("reminder.touches.sent").description("ReminderDue events emitted, by touch kind")
                .tag("kind", kind).register(registry).increment();
        dispatchLag.record(lag.isNegative() ? Duration.ZERO : lag);
    }

    /** A confirmation, cancellation or reschedule that came after a touch, credited to that touch's kind. */
    public void answerAfterTouch(String answer, String kind) {
        Counter.builder("reminder.answers.after.touch")
                .description("Confirmations, cancellations and reschedules that followed a touch")
                .tag("answer", answer).tag("kind", kind).register(registry).increment();
    }

    public void noShow() {
        noShows.increment();
    }
}
