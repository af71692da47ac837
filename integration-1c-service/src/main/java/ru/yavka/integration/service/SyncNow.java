package ru.yavka.integration.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * POST /api/integration/sync: runs the chosen passes now, one after the other, and reports
 * each; one failing (1C down and nothing cached) does not stop the others.
 */
@ApplicationScoped
public class SyncNow {

    public static final Set<String> SCOPES = Set.of(SyncKinds.SCHEDULE, SyncKinds.VISITS, SyncKinds.APPOINTMENTS,
            SyncKinds.BILLING);

    public record Outcome(boolean ok, Object report, String error) {
    }

    private final ScheduleSync schedule;
    private final VisitSync visits;
    private final AppointmentPusher pusher;
    private final BillingWorker billing;

    public SyncNow(ScheduleSync schedule, VisitSync visits, AppointmentPusher pusher, BillingWorker billing) {
        this.schedule = schedule;
        this.visits = visits;
        this.pusher = pusher;
        this.billing = billing;
    }

    public Map<String, Outcome> run(Set<String> scopes) throws InterruptedException {
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        if (scopes.contains(SyncKinds.SCHEDULE)) {
            outcomes.put(SyncKinds.SCHEDULE, attempt(schedule::syncNow));
        }
        if (scopes.contains(SyncKinds.VISITS)) {
            outcomes.put(SyncKinds.VISITS, attempt(visits::syncNow));
        }
        if (scopes.contains(SyncKinds.APPOINTMENTS)) {
            outcomes.put(SyncKinds.APPOINTMENTS, attempt(pusher::pass));
        }
        if (scopes.contains(SyncKinds.BILLING)) {
            outcomes.put(SyncKinds.BILLING, attempt(billing::pass));
        }
        return outcomes;
    }

    @FunctionalInterface
    private interface Pass {
        Object run() throws InterruptedException;
    }

    private static Outcome attempt(Pass pass) throws InterruptedException {
        try {
            return new Outcome(true, pass.run(), null);
        } catch (RuntimeException e) {
            return new Outcome(false, null, Failures.describe(e));
        }
    }
}
