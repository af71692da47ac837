package ru.yavka.notification.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import ru.yavka.contracts.events.AppointmentArrived;
import ru.yavka.contracts.events.AppointmentBooked;
import ru.yavka.contracts.events.AppointmentCancelled;
import ru.yavka.contracts.events.AppointmentConfirmed;
import ru.yavka.contracts.events.AppointmentRescheduled;
import ru.yavka.contracts.events.AppointmentSource;
import ru.yavka.contracts.events.NoShowDetected;
import ru.yavka.contracts.events.SlotReleased;
import ru.yavka.contracts.events.WaitlistOffered;
import ru.yavka.contracts.events.YavkaEvent;
import ru.yavka.notification.config.NotificationConfig;
import ru.yavka.notification.repository.ClinicFacts;
import ru.yavka.notification.repository.ProcessedEventRepository;

/**
 * Applies one of booking-service's events: the dashboard's read model, and the alert it calls
 * for. Idempotent by event id, in one transaction with its effects; a stale status loses to a
 * newer aggregate version. An event older than its alert's TTL (a replay, a long outage)
 * updates the read model but pushes nothing: it is no longer news.
 */
@ApplicationScoped
public class ClinicEventHandler {

    private static final Logger LOG = Logger.getLogger(ClinicEventHandler.class);
    private static final Duration MIN_TTL = Duration.ofMinutes(1);

    private final ProcessedEventRepository processed;
    private final ClinicFacts facts;
    private final AlertService alerts;
    private final AlertTexts texts;
    private final DoctorDirectory doctors;
    private final NotificationConfig config;
    private final Clock clock;

    public ClinicEventHandler(ProcessedEventRepository processed, ClinicFacts facts, AlertService alerts,
            AlertTexts texts, DoctorDirectory doctors, NotificationConfig config, Clock clock) {
        this.processed = processed;
        this.facts = facts;
        this.alerts = alerts;
        this.texts = texts;
        this.doctors = doctors;
        this.config = config;
        this.clock = clock;
    }

    public Uni<Void> handle(YavkaEvent event) {
        Instant now = clock.instant();
        // The doctor's name comes from booking-service: asked before the transaction, not inside it.
        return doctorFor(event, now).chain(doctor -> Panache.withTransaction(() ->
                processed.recordFirstTime(event.meta().eventId(), event.getClass().getSimpleName(), now)
                        .chain(first -> first ? apply(event, doctor, now) : Uni.createFrom().voidItem())));
    }

    private Uni<DoctorInfo> doctorFor(YavkaEvent event, Instant now) {
        if (event instanceof AppointmentBooked e && fresh(e, AlertKind.TELEGRAM_BOOKING, now)) {
            return doctors.describe(e.doctorId(), e.specialty());
        }
        if (event instanceof AppointmentCancelled e && late(e) && fresh(e, AlertKind.LATE_CANCELLATION, now)) {
            return doctors.describe(e.doctorId(), e.specialty());
        }
        if (event instanceof NoShowDetected e && fresh(e, AlertKind.NO_SHOW, now)) {
            return doctors.describe(e.doctorId(), e.specialty());
        }
        return Uni.createFrom().nullItem();
    }

    private Uni<Void> apply(YavkaEvent event, DoctorInfo doctor, Instant now) {
        long version = event.meta().aggregateVersion();
        if (event instanceof AppointmentBooked e) {
            return facts.appointment(e.appointmentId(), e.slotId(), e.doctorId(), e.specialty(), e.start(), "BOOKED",
                            e.source() == null ? null : e.source().name(), version, now)
                    .chain(() -> facts.acceptedOffer(e.appointmentId(), e.patientId(), e.slotId()))
                    .chain(accepted -> {
                        if (doctor == null) {
                            return Uni.createFrom().voidItem();
                        }
                        if (accepted) {
                            return raise(texts.waitlistAccepted(e, doctor, now), now);
                        }
                        return e.source() == AppointmentSource.TELEGRAM
                                ? raise(texts.telegramBooking(e, doctor, now), now)
                                : Uni.createFrom().voidItem();
                    });
        }
        if (event instanceof AppointmentConfirmed e) {
            return facts.appointment(e.appointmentId(), null, null, null, e.start(), "CONFIRMED", null, version, now)
                    .chain(() -> facts.confirmed(e.appointmentId(), now));
        }
        if (event instanceof AppointmentCancelled e) {
            return facts.appointment(e.appointmentId(), e.slotId(), e.doctorId(), e.specialty(), e.start(),
                            "CANCELLED", null, version, now)
                    .chain(() -> doctor == null ? Uni.createFrom().voidItem()
                            : raise(untilVisit(texts.lateCancellation(e, doctor, now), e.start(), now), now));
        }
        if (event instanceof AppointmentRescheduled e) {
            // doctorId and specialty describe the new appointment; the old one keeps what it had.
            return facts.appointment(e.appointmentId(), e.oldSlotId(), null, null, e.oldStart(), "RESCHEDULED", null,
                    version, now);
        }
        if (event instanceof AppointmentArrived e) {
            return facts.appointment(e.appointmentId(), null, null, null, e.start(), "ARRIVED", null, version, now);
        }
        if (event instanceof NoShowDetected e) {
            return facts.appointment(e.appointmentId(), e.slotId(), e.doctorId(), e.specialty(), e.start(), "NO_SHOW",
                            null, version, now)
                    .chain(() -> doctor == null ? Uni.createFrom().voidItem()
                            : raise(texts.noShow(e, doctor, now), now));
        }
        if (event instanceof WaitlistOffered e) {
            return facts.offered(e.offerId(), e.patientId(), e.slotId(), e.doctorId(), e.specialty(), e.start(),
                    e.expiresAt(), e.meta().occurredAt());
        }
        if (event instanceof SlotReleased e) {
            return facts.released(e.meta().eventId(), e.slotId(), e.doctorId(), e.specialty(), e.start(), e.reason(),
                    e.meta().occurredAt());
        }
        LOG.debugf("ignoring %s", event.getClass().getSimpleName());
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> raise(AlertDraft draft, Instant now) {
        return alerts.raise(draft, now).replaceWithVoid();
    }

    private boolean late(AppointmentCancelled e) {
        Duration ahead = Duration.between(e.meta().occurredAt(), e.start());
        return !ahead.isNegative() && ahead.compareTo(config.lateCancellationWindow()) <= 0;
    }

    private static boolean fresh(YavkaEvent event, AlertKind kind, Instant now) {
        return event.meta().occurredAt().plus(kind.ttl()).isAfter(now);
    }

    /** A freed slot is news only until the visit would have started. */
    private static AlertDraft untilVisit(AlertDraft draft, Instant start, Instant now) {
        Duration left = Duration.between(now, start);
        Duration ttl = left.compareTo(draft.ttl()) < 0 ? left : draft.ttl();
        return new AlertDraft(draft.kind(), draft.title(), draft.body(), draft.url(), draft.doctorId(),
                draft.topicKey(), ttl.compareTo(MIN_TTL) < 0 ? MIN_TTL : ttl, draft.sourceEventId(),
                draft.recipient());
    }
}
