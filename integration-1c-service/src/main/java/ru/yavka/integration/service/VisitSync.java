package ru.yavka.integration.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import ru.yavka.integration.client.BookingApi;
import ru.yavka.integration.client.BookingClient;
import ru.yavka.integration.client.BookingRejection;
import ru.yavka.integration.client.VisitFact;
import ru.yavka.integration.config.OneCConfig;
import ru.yavka.integration.repository.SyncStates;
import ru.yavka.integration.repository.VisitFacts;

/**
 * Applies 1C's visit facts to booking-service: arrived marks the appointment ARRIVED (the
 * no-show check stands down), completed marks it COMPLETED and queues its sales document in the
 * same transaction that records the fact. booking's arrive and complete are idempotent, so a
 * fact seen twice (or a crash half way) does no harm.
 */
@ApplicationScoped
public class VisitSync {

    private static final Logger LOG = Logger.getLogger(VisitSync.class);

    public record Report(List<Day> days, int arrived, int completed, int unchanged, int rejected) {
    }

    public record Day(LocalDate date, String source, long ageSeconds, int facts, String note) {
    }

    private enum Outcome {
        ARRIVED, COMPLETED, UNCHANGED, REJECTED
    }

    private final VisitFeed feed;
    private final BookingClient booking;
    private final VisitFacts facts;
    private final SyncStates states;
    private final OneCConfig config;
    private final Clock clock;
    private final ReentrantLock running = new ReentrantLock();

    public VisitSync(VisitFeed feed, @RestClient BookingClient booking, VisitFacts facts, SyncStates states,
            OneCConfig config, Clock clock) {
        this.feed = feed;
        this.booking = booking;
        this.facts = facts;
        this.states = states;
        this.config = config;
        this.clock = clock;
    }

    public void syncIfIdle() {
        if (running.tryLock()) {
            try {
                sync();
            } catch (RuntimeException e) {
                LOG.warnf("visit sync failed: %s", Failures.describe(e));
            } finally {
                running.unlock();
            }
        }
    }

    public Report syncNow() throws InterruptedException {
        if (!running.tryLock(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("a visit sync has been running for over two minutes");
        }
        try {
            return sync();
        } finally {
            running.unlock();
        }
    }

    private Report sync() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, config.clinicZone());
        List<Day> days = new ArrayList<>();
        int[] counts = new int[Outcome.values().length];
        boolean allLive = true;
        try {
            for (LocalDate day = today.minusDays(config.sync().visitDaysBack()); !day.isAfter(today);
                    day = day.plusDays(1)) {
                Fetched<List<VisitFact>> fetched = feed.day(day);
                if (!fetched.live()) {
                    allLive = false;
                    days.add(new Day(day, fetched.source().name(), fetched.ageSeconds(), fetched.data().size(),
                            "1C unavailable (" + fetched.reason() + "); cached facts were applied when fresh"));
                    continue;
                }
                days.add(new Day(day, fetched.source().name(), 0, fetched.data().size(), null));
                for (VisitFact fact : fetched.data()) {
                    counts[apply(fact, now).ordinal()]++;
                }
            }
        } catch (RuntimeException e) {
            states.failed(SyncKinds.VISITS, now, Failures.describe(e));
            throw e;
        }
        Report report = new Report(days, counts[0], counts[1], counts[2], counts[3]);
        String outcome = report.arrived() + " arrived, " + report.completed() + " completed, " + report.rejected()
                + " rejected";
        if (allLive) {
            states.succeeded(SyncKinds.VISITS, now, outcome);
        } else {
            states.failed(SyncKinds.VISITS, now, "1C unavailable for some days; " + outcome);
        }
        return report;
    }

    private Outcome apply(VisitFact fact, Instant now) {
        Optional<String> seen = facts.status(fact.appointmentId());
        if (seen.isPresent() && (VisitFacts.REJECTED.equals(seen.get())
                || VisitFact.Status.COMPLETED.name().equals(seen.get())
                || VisitFact.Status.ARRIVED.name().equals(seen.get()) && fact.status() == VisitFact.Status.ARRIVED)) {
            return Outcome.UNCHANGED;
        }
        BookingApi.Appointment appointment;
        try {
            appointment = booking.appointment(fact.appointmentId());
        } catch (BookingRejection e) {
            if (e.status() == 404) {
                return reject(fact, now, "the appointment is unknown to booking-service");
            }
            throw e;
        }
        // Two passes at most: a 409 means someone changed the appointment meanwhile; look again.
        for (int pass = 0; pass < 2; pass++) {
            try {
                appointment = advance(appointment, fact);
                break;
            } catch (BookingRejection e) {
                if (e.status() != 409 || pass == 1) {
                    throw e;
                }
                appointment = booking.appointment(fact.appointmentId());
            } catch (Refused e) {
                return reject(fact, now, e.getMessage());
            }
        }
        facts.applied(fact, appointment.patientId(), now);
        return fact.status() == VisitFact.Status.COMPLETED ? Outcome.COMPLETED : Outcome.ARRIVED;
    }

    /** Moves the appointment to the fact's state; returns it, or throws {@link Refused}. */
    private BookingApi.Appointment advance(BookingApi.Appointment a, VisitFact fact) {
        boolean complete = fact.status() == VisitFact.Status.COMPLETED;
        switch (a.status()) {
            case "BOOKED", "CONFIRMED" -> {
                BookingApi.Appointment arrived = booking.arrive(a.id());
                return complete ? booking.complete(a.id()) : arrived;
            }
            case "ARRIVED" -> {
                return complete ? booking.complete(a.id()) : a;
            }
            case "COMPLETED" -> {
                return a;
            }
            default -> throw new Refused("the appointment is " + a.status().toLowerCase() + " in booking-service");
        }
    }

    private Outcome reject(VisitFact fact, Instant now, String why) {
        LOG.warnf("1C visits: visit fact for appointment %s rejected, not applied: %s", fact.appointmentId(), why);
        facts.rejected(fact, now, why);
        return Outcome.REJECTED;
    }

    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }
}
