package ru.yavka.booking.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/** Passes lapsed waitlist offers on; safe on several replicas (expired rows are locked while handled). */
@ApplicationScoped
public class WaitlistExpiryJob {

    private final WaitlistService waitlist;

    public WaitlistExpiryJob(WaitlistService waitlist) {
        this.waitlist = waitlist;
    }

    @Scheduled(every = "${yavka.booking.offer-expiry-check:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> expireOffers() {
        return waitlist.expireDue().replaceWithVoid();
    }
}
