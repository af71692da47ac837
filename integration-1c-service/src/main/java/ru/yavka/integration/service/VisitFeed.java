package ru.yavka.integration.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Fallback;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JavaType;

import ru.yavka.integration.client.OneCGarbage;
import ru.yavka.integration.client.OneCUnavailable;
import ru.yavka.integration.client.Parsed;
import ru.yavka.integration.client.VisitFact;
import ru.yavka.integration.client.VisitsClient;

/** One day's visit facts from 1C now, or the last good answer for that day with its age. */
@ApplicationScoped
public class VisitFeed {

    private static final Logger LOG = Logger.getLogger(VisitFeed.class);

    private final VisitsClient client;
    private final OneCCache cache;
    private final Rejections rejections;
    private final Clock clock;
    private final JavaType listType;

    public VisitFeed(VisitsClient client, OneCCache cache, Rejections rejections, Clock clock) {
        this.client = client;
        this.cache = cache;
        this.rejections = rejections;
        this.clock = clock;
        this.listType = cache.mapper().getTypeFactory().constructCollectionType(List.class, VisitFact.class);
    }

    public static String cacheName(LocalDate day) {
        return "visits:" + day;
    }

    @Fallback(fallbackMethod = "cached")
    public Fetched<List<VisitFact>> day(LocalDate day) {
        Parsed<List<VisitFact>> parsed = client.fetch(day);
        rejections.records("visits", parsed.rejections());
        Instant now = clock.instant();
        cache.put(cacheName(day), parsed.value(), now);
        return Fetched.live(parsed.value(), now);
    }

    Fetched<List<VisitFact>> cached(LocalDate day, Throwable failure) {
        String reason = Failures.describe(failure);
        if (failure instanceof OneCGarbage) {
            rejections.answer("visits", failure.getMessage());
        } else if (!Failures.breakerOpen(failure)) {
            LOG.warnf("1C visits of %s unavailable (%s); falling back to the cached ones", day, reason);
        }
        return cache.<List<VisitFact>>get(cacheName(day), listType)
                .map(c -> Fetched.cached(c.data(), c.storedAt(), clock.instant(), reason))
                .orElseThrow(() -> new OneCUnavailable("1C visits of " + day + " unavailable (" + reason
                        + ") and none are cached"));
    }
}
