package ru.yavka.integration.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Fallback;
import org.jboss.logging.Logger;

import ru.yavka.integration.client.OneCGarbage;
import ru.yavka.integration.client.OneCSchedule;
import ru.yavka.integration.client.OneCUnavailable;
import ru.yavka.integration.client.Parsed;
import ru.yavka.integration.client.ScheduleClient;

/** The schedule as 1C publishes it now, or, while 1C is away, the last good one with its age. */
@ApplicationScoped
public class ScheduleFeed {

    public static final String CACHE = "schedule";
    private static final Logger LOG = Logger.getLogger(ScheduleFeed.class);

    private final ScheduleClient client;
    private final OneCCache cache;
    private final Rejections rejections;
    private final Clock clock;

    public ScheduleFeed(ScheduleClient client, OneCCache cache, Rejections rejections, Clock clock) {
        this.client = client;
        this.cache = cache;
        this.rejections = rejections;
        this.clock = clock;
    }

    @Fallback(fallbackMethod = "cached")
    public Fetched<OneCSchedule> schedule(LocalDate from, LocalDate to) {
        Parsed<OneCSchedule> parsed = client.fetch(from, to);
        rejections.records("schedule", parsed.rejections());
        Instant now = clock.instant();
        cache.put(CACHE, parsed.value(), now);
        return Fetched.live(parsed.value(), now);
    }

    Fetched<OneCSchedule> cached(LocalDate from, LocalDate to, Throwable failure) {
        String reason = Failures.describe(failure);
        if (failure instanceof OneCGarbage) {
            rejections.answer("schedule", failure.getMessage());
        } else if (!Failures.breakerOpen(failure)) {
            LOG.warnf("1C schedule unavailable (%s); falling back to the cached one", reason);
        }
        return cache.get(CACHE, OneCSchedule.class)
                .map(c -> Fetched.cached(c.data(), c.storedAt(), clock.instant(), reason))
                .orElseThrow(() -> new OneCUnavailable("1C schedule unavailable (" + reason + ") and none is cached yet"));
    }
}
