package ru.yavka.integration.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/** The periodic passes. Each skips a turn while its previous pass is still running. */
@ApplicationScoped
public class SyncJobs {

    private static final Logger LOG = Logger.getLogger(SyncJobs.class);

    private final ScheduleSync schedule;
    private final VisitSync visits;
    private final AppointmentPusher pusher;
    private final BillingWorker billing;

    public SyncJobs(ScheduleSync schedule, VisitSync visits, AppointmentPusher pusher, BillingWorker billing) {
        this.schedule = schedule;
        this.visits = visits;
        this.pusher = pusher;
        this.billing = billing;
    }

    @Scheduled(identity = "1c-schedule-sync", every = "${yavka.onec.sync.schedule-every}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void schedule() {
        schedule.syncIfIdle();
    }

    @Scheduled(identity = "1c-visit-sync", every = "${yavka.onec.sync.visits-every}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void visits() {
        visits.syncIfIdle();
    }

    @Scheduled(identity = "1c-appointment-push", every = "${yavka.onec.sync.push-every}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void push() {
        try {
            pusher.pass();
        } catch (RuntimeException e) {
            LOG.warnf("appointment push pass failed: %s", Failures.describe(e));
        }
    }

    @Scheduled(identity = "1c-billing", every = "${yavka.onec.billing.every}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void billing() {
        try {
            billing.pass();
        } catch (RuntimeException e) {
            LOG.warnf("billing pass failed: %s", Failures.describe(e));
        }
    }
}
