package ru.yavka.integration.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import ru.yavka.contracts.events.DataAccessed;
import ru.yavka.integration.client.AppointmentPush;
import ru.yavka.integration.client.AppointmentsClient;
import ru.yavka.integration.client.BookingApi;
import ru.yavka.integration.client.BookingClient;
import ru.yavka.integration.client.BookingRejection;
import ru.yavka.integration.client.CardLink;
import ru.yavka.integration.client.OneCRejected;
import ru.yavka.integration.config.OneCConfig;
import ru.yavka.integration.repository.AppointmentPushes;
import ru.yavka.integration.repository.Db;
import ru.yavka.integration.repository.DoctorLinks;
import ru.yavka.integration.repository.PatientCards;
import ru.yavka.integration.repository.SlotLinks;
import ru.yavka.integration.repository.SyncStates;

/**
 * Works through the appointment push queue: tells 1C:Медицина each appointment's latest state.
 * While the breaker is open the queue simply waits (booking never does); a push 1C refuses
 * waits the longest backoff and is shown in the status. One replica pushes at a time.
 */
@ApplicationScoped
public class AppointmentPusher {

    private static final Logger LOG = Logger.getLogger(AppointmentPusher.class);
    private static final long PUSH_LOCK = 0x31_43_50_55_53_48L; // "1CPUSH"
    private static final int BATCH = 100;
    /** booking-service's answer for a patient whose personal data was erased. */
    private static final int ERASED = 410;

    public record Report(int pushed, int skipped, int failed, boolean breakerOpen, long depth) {
    }

    private final AppointmentPushes pushes;
    private final AppointmentsClient client;
    private final BookingClient booking;
    private final DoctorLinks doctorLinks;
    private final SlotLinks slotLinks;
    private final PatientCards cards;
    private final AuditTrail audit;
    private final SyncStates states;
    private final Db db;
    private final OneCConfig config;
    private final Clock clock;
    private final AtomicReference<Long> lastDepth = new AtomicReference<>(0L);

    public AppointmentPusher(AppointmentPushes pushes, AppointmentsClient client, @RestClient BookingClient booking,
            DoctorLinks doctorLinks, SlotLinks slotLinks, PatientCards cards, AuditTrail audit, SyncStates states,
            Db db, OneCConfig config, Clock clock) {
        this.pushes = pushes;
        this.client = client;
        this.booking = booking;
        this.doctorLinks = doctorLinks;
        this.slotLinks = slotLinks;
        this.cards = cards;
        this.audit = audit;
        this.states = states;
        this.db = db;
        this.config = config;
        this.clock = clock;
    }

    public Report pass() {
        AtomicInteger pushed = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        boolean[] open = {false};
        Instant started = clock.instant();
        db.exclusively(PUSH_LOCK, () -> {
            for (AppointmentPushes.Pending p : pushes.due(clock.instant(), BATCH)) {
                try {
                    if (pushOne(p)) {
                        pushed.incrementAndGet();
                    } else {
                        skipped.incrementAndGet();
                    }
                } catch (CircuitBreakerOpenException e) {
                    // 1C is known to be down: the rest of the queue waits for the breaker, untouched.
                    open[0] = true;
                    break;
                } catch (OneCRejected e) {
                    failed.incrementAndGet();
                    LOG.warnf("appointment %s v%d: %s; retried after %s", p.appointmentId(), p.version(),
                            e.getMessage(), config.sync().maxBackoff());
                    pushes.failed(p.appointmentId(), p.version(), p.attempts() + 1,
                            clock.instant().plus(config.sync().maxBackoff()), e.getMessage());
                } catch (RuntimeException e) {
                    failed.incrementAndGet();
                    pushes.failed(p.appointmentId(), p.version(), p.attempts() + 1,
                            clock.instant().plus(Backoff.after(p.attempts() + 1, config.sync().retryBackoff(),
                                    config.sync().maxBackoff())), Failures.describe(e));
                }
            }
        });
        long depth = pushes.depth();
        lastDepth.set(depth);
        Report report = new Report(pushed.get(), skipped.get(), failed.get(), open[0], depth);
        String outcome = report.pushed() + " pushed, " + report.failed() + " failed, " + depth + " waiting"
                + (report.breakerOpen() ? ", breaker open" : "");
        if (report.failed() == 0 && !report.breakerOpen()) {
            states.succeeded(SyncKinds.APPOINTMENTS, started, outcome);
        } else {
            states.failed(SyncKinds.APPOINTMENTS, started, outcome);
        }
        return report;
    }

    public long lastDepth() {
        return lastDepth.get();
    }

    /** Returns false when the appointment is not 1C's business (its doctor is not 1C's). */
    private boolean pushOne(AppointmentPushes.Pending p) {
        Optional<String> doctor = doctorOf(p);
        if (doctor.isEmpty()) {
            pushes.pushed(p.appointmentId(), p.version(), "SKIPPED: the doctor is not one of 1C's");
            return false;
        }
        String slot = p.slotId() == null ? null : slotLinks.externalIdOf(p.slotId()).orElse(null);
        Optional<CardLink> card = cards.find(p.patientId());
        // 1C makes the card from the first appointment it hears of: it needs who the patient is.
        Optional<AppointmentPush.PatientDetails> details = card.isEmpty() ? detailsOf(p.patientId())
                : Optional.empty();
        boolean erased = card.isEmpty() && details.isEmpty();
        Optional<CardLink> answered = client.push(new AppointmentPush(p.appointmentId(), p.version(), p.status(),
                doctor.get(), slot, p.start(), p.durationMinutes(), p.specialty(), p.source(), p.rescheduledTo(),
                p.patientId(), card.map(CardLink::cardId).orElse(null), details.orElse(null)));
        if (!erased) {
            answered.ifPresent(c -> cards.save(p.patientId(), c, clock.instant()));
        }
        pushes.pushed(p.appointmentId(), p.version(), "PUSHED");
        return true;
    }

    /**
     * Empty once the patient's data was erased (booking-service answers 410): 1C still learns the
     * appointment's state, e.g. the cancellations the erasure made, by its id, and the card link
     * it answers with is not kept.
     */
    private Optional<AppointmentPush.PatientDetails> detailsOf(UUID patientId) {
        BookingApi.Patient patient;
        try {
            patient = booking.patient(patientId);
        } catch (BookingRejection e) {
            if (e.status() == ERASED) {
                return Optional.empty();
            }
            throw e;
        }
        audit.record(audit.self(), patientId, "patient", patientId, DataAccessed.Action.READ);
        AppointmentPush.PatientDetails details = new AppointmentPush.PatientDetails(patient.fullName(),
                patient.birthDate(), patient.phone());
        audit.record(audit.self(), patientId, "patient", patientId, DataAccessed.Action.EXPORT);
        return Optional.of(details);
    }

    private Optional<String> doctorOf(AppointmentPushes.Pending p) {
        if (p.doctorId() == null) {
            return Optional.empty();
        }
        Optional<String> linked = doctorLinks.externalIdOf(p.doctorId());
        if (linked.isPresent()) {
            return linked;
        }
        BookingApi.Doctor d = booking.doctor(p.doctorId());
        if (d.externalId() == null) {
            return Optional.empty();
        }
        doctorLinks.link(d.externalId(), d.id(), clock.instant());
        return Optional.of(d.externalId());
    }
}
