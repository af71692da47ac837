package ru.yavka.integration.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import ru.yavka.integration.config.OneCConfig;
import ru.yavka.integration.repository.AppointmentPushes;
import ru.yavka.integration.repository.BillingJobs;
import ru.yavka.integration.repository.SlotLinks;
import ru.yavka.integration.repository.SyncStates;

/** What staff see at GET /api/integration/status. */
@ApplicationScoped
public class IntegrationStatus {

    public record Status(List<BreakerMonitor.Breaker> breakers, Map<String, Instant> lastSuccessfulSync,
            List<SyncStates.State> syncs, List<CacheAge> caches, BillingQueue billingQueue,
            AppointmentQueue appointmentQueue, long slotsWithdrawnIn1C) {
    }

    public record CacheAge(String name, Instant storedAt, Long ageSeconds) {
    }

    /** {@code depth} is the number of visits whose sales document is not posted yet. */
    public record BillingQueue(long depth, Map<String, Long> byState) {
    }

    public record AppointmentQueue(long depth) {
    }

    private final BreakerMonitor breakers;
    private final SyncStates states;
    private final OneCCache cache;
    private final BillingJobs billing;
    private final AppointmentPushes pushes;
    private final SlotLinks slots;
    private final OneCConfig config;
    private final Clock clock;

    public IntegrationStatus(BreakerMonitor breakers, SyncStates states, OneCCache cache, BillingJobs billing,
            AppointmentPushes pushes, SlotLinks slots, OneCConfig config, Clock clock) {
        this.breakers = breakers;
        this.states = states;
        this.cache = cache;
        this.billing = billing;
        this.pushes = pushes;
        this.slots = slots;
        this.config = config;
        this.clock = clock;
    }

    public Status now() {
        Instant now = clock.instant();
        List<SyncStates.State> syncs = states.all();
        Map<String, Instant> lastSuccess = new LinkedHashMap<>();
        for (String kind : List.of(SyncKinds.SCHEDULE, SyncKinds.VISITS, SyncKinds.APPOINTMENTS, SyncKinds.BILLING)) {
            lastSuccess.put(kind, syncs.stream().filter(s -> s.kind().equals(kind)).findFirst()
                    .map(SyncStates.State::lastSuccessAt).orElse(null));
        }
        LocalDate today = LocalDate.ofInstant(now, config.clinicZone());
        List<CacheAge> caches = new ArrayList<>();
        caches.add(age(ScheduleFeed.CACHE, now));
        caches.add(age(VisitFeed.cacheName(today), now));
        Map<String, Long> byState = billing.countsByState();
        long depth = byState.getOrDefault(BillingJobs.State.PENDING.name(), 0L)
                + byState.getOrDefault(BillingJobs.State.CREATED.name(), 0L);
        return new Status(breakers.states(), lastSuccess, syncs, caches, new BillingQueue(depth, byState),
                new AppointmentQueue(pushes.depth()), slots.withdrawnAhead(now));
    }

    private CacheAge age(String name, Instant now) {
        return cache.storedAt(name)
                .map(at -> new CacheAge(name, at, Math.max(0, Duration.between(at, now).toSeconds())))
                .orElse(new CacheAge(name, null, null));
    }
}
