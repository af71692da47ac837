package ru.yavka.reminder.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import ru.yavka.contracts.events.AppointmentArrived;
import ru.yavka.contracts.events.AppointmentBooked;
import ru.yavka.contracts.events.AppointmentCancelled;
import ru.yavka.contracts.events.AppointmentConfirmed;
import ru.yavka.contracts.events.AppointmentRescheduled;
import ru.yavka.contracts.events.PatientErasureRequested;
import ru.yavka.contracts.events.YavkaEvent;
import ru.yavka.contracts.kafka.Topics;
import ru.yavka.reminder.repository.Appointment;
import ru.yavka.reminder.repository.AppointmentRepository;
import ru.yavka.reminder.repository.AppointmentStatus;
import ru.yavka.reminder.repository.ErasureConfirmations;
import ru.yavka.reminder.repository.ProcessedEventRepository;
import ru.yavka.reminder.repository.Touch;
import ru.yavka.reminder.repository.TouchAction;
import ru.yavka.reminder.repository.TouchRepository;
import ru.yavka.reminder.repository.TouchStatus;

/**
 * Keeps each appointment's plan in step with booking-service's events. Every event is
 * applied at most once (its id goes into processed_event in the same transaction) and
 * only if its aggregate version is newer than the status already applied, so duplicates
 * and reordering across topics end in the same plan as the orderly sequence. The booking
 * itself is special: its details are needed whenever it arrives, so it always fills them
 * in, and the touches it plans take on the status a faster event already set.
 */
@ApplicationScoped
public class ReminderPlanService {

    private static final Logger LOG = Logger.getLogger(ReminderPlanService.class);

    /** Answers recorded on the touch they followed. */
    static final String CONFIRMED = "CONFIRMED";
    static final String CANCELLED = "CANCELLED";
    static final String RESCHEDULED = "RESCHEDULED";

    static final List<String> ERASED_CATEGORIES = List.of("planned-reminders", "reminder-texts",
            "visit-details");

    private final AppointmentRepository appointments;
    private final TouchRepository touches;
    private final ProcessedEventRepository processed;
    private final ErasureConfirmations erasures;
    private final TierPolicies policies;
    private final ReminderMetrics metrics;
    private final Clock clock;

    public ReminderPlanService(AppointmentRepository appointments, TouchRepository touches,
            ProcessedEventRepository processed, ErasureConfirmations erasures, TierPolicies policies,
            ReminderMetrics metrics, Clock clock) {
        this.appointments = appointments;
        this.touches = touches;
        this.processed = processed;
        this.erasures = erasures;
        this.policies = policies;
        this.metrics = metrics;
        this.clock = clock;
    }

    public Uni<Void> booked(AppointmentBooked event) {
        return once(event, now -> appointments.lockOrCreate(event.appointmentId(), now)
                .chain(appointment -> plan(appointment, event, now))
                .call(() -> forgetIfErased(event.patientId())));
    }

    /**
     * The patient withdrew consent and booking-service erased them: their planned touches are
     * cancelled, the texts of all their touches and the details of their visits blanked, and
     * PatientDataErased is written for the relay, in the one transaction that also records the
     * event id.
     */
    public Uni<Void> erasureRequested(PatientErasureRequested event) {
        return once(event, now -> forget(event.patientId())
                .chain(() -> erasures.append(erasureConfirmationId(event), event.patientId(), ERASED_CATEGORIES,
                        event.reason(), now))
                .replaceWith(Optional.<Answer>empty()));
    }

    /** Derived from the request, so even a request redelivered after its id was purged confirms only once. */
    static UUID erasureConfirmationId(PatientErasureRequested event) {
        return UUID.nameUUIDFromBytes(("reminder-service:erased:" + event.meta().eventId())
                .getBytes(StandardCharsets.UTF_8));
    }

    private Uni<Void> forget(UUID patientId) {
        return touches.cancelPlannedOfPatient(patientId, TouchRepository.ERASURE)
                .chain(() -> touches.blankParamsOfPatient(patientId))
                .chain(() -> appointments.blankVisitDetailsOfPatient(patientId))
                .replaceWithVoid();
    }

    /** Booked and erased travel on different topics: a booking applied after the erasure plans nothing to send. */
    private Uni<Void> forgetIfErased(UUID patientId) {
        return erasures.erased(patientId).chain(erased -> erased
                ? touches.flush().chain(() -> forget(patientId))
                : Uni.createFrom().voidItem());
    }

    public Uni<Void> confirmed(AppointmentConfirmed event) {
        return once(event, now -> appointments.lockOrCreate(event.appointmentId(), now).chain(appointment -> {
            long version = event.meta().aggregateVersion();
            if (!appointment.acceptsVersion(version)) {
                return stale(event, appointment);
            }
            appointment.confirmed = true;
            appointment.moveTo(AppointmentStatus.CONFIRMED, version, now);
            return touches.skipPlannedConfirmationAsks(appointment.id, TouchRepository.CONFIRMATION_SKIP)
                    .chain(() -> answer(appointment.id, CONFIRMED, event.meta().occurredAt()));
        }));
    }

    public Uni<Void> cancelled(AppointmentCancelled event) {
        return once(event, now -> close(event, event.appointmentId(), AppointmentStatus.CANCELLED,
                TouchStatus.CANCELLED, CANCELLED, now));
    }

    /** The old appointment ends here; the new one arrives as its own AppointmentBooked and is planned then. */
    public Uni<Void> rescheduled(AppointmentRescheduled event) {
        return once(event, now -> close(event, event.appointmentId(), AppointmentStatus.RESCHEDULED,
                TouchStatus.CANCELLED, RESCHEDULED, now));
    }

    /** An arrived patient never becomes a no-show: the check (and any message still due) is skipped. */
    public Uni<Void> arrived(AppointmentArrived event) {
        return once(event, now -> close(event, event.appointmentId(), AppointmentStatus.ARRIVED,
                TouchStatus.SKIPPED, null, now));
    }

    private Uni<Optional<Answer>> close(YavkaEvent event, UUID appointmentId, AppointmentStatus status,
            TouchStatus touchStatus, String answer, Instant now) {
        return appointments.lockOrCreate(appointmentId, now).chain(appointment -> {
            long version = event.meta().aggregateVersion();
            if (!appointment.acceptsVersion(version)) {
                return stale(event, appointment);
            }
            appointment.moveTo(status, version, now);
            Uni<Integer> closed = touches.closePlanned(appointmentId, touchStatus, status.name());
            return answer == null
                    ? closed.replaceWith(Optional.<Answer>empty())
                    : closed.chain(() -> answer(appointmentId, answer, event.meta().occurredAt()));
        });
    }

    private Uni<Optional<Answer>> plan(Appointment appointment, AppointmentBooked event, Instant now) {
        if (appointment.booked) {
            // The same appointment booked again under a new event id: its plan exists already.
            return Uni.createFrom().item(Optional.empty());
        }
        appointment.booked = true;
        appointment.patientId = event.patientId();
        appointment.slotId = event.slotId();
        appointment.doctorId = event.doctorId();
        appointment.doctorName = event.doctorName();
        appointment.specialty = event.specialty();
        appointment.address = event.address();
        appointment.startAt = event.start();
        appointment.durationMinutes = event.durationMinutes();
        appointment.tier = policies.tierForNewAppointment();
        appointment.updatedAt = now;
        long version = event.meta().aggregateVersion();
        if (appointment.acceptsVersion(version)) {
            appointment.moveTo(AppointmentStatus.BOOKED, version, now);
        }
        List<Touch> rows = touchesFor(appointment, now);
        return touches.persist(rows).replaceWith(Optional.empty());
    }

    private List<Touch> touchesFor(Appointment appointment, Instant now) {
        List<PlannedTouch> plan = policies.planner().plan(appointment.startAt, now, policies.rules(appointment.tier));
        ReminderTexts.Visit visit = new ReminderTexts.Visit(appointment.doctorName, appointment.specialty,
                appointment.address, appointment.startAt);
        List<Touch> rows = new ArrayList<>(plan.size());
        int seq = 0;
        for (PlannedTouch planned : plan) {
            TouchRule rule = planned.rule();
            Touch touch = new Touch();
            touch.id = UUID.randomUUID();
            touch.appointmentId = appointment.id;
            touch.patientId = appointment.patientId;
            touch.kind = rule.kind();
            touch.action = rule.isNoShowCheck() ? TouchAction.NO_SHOW_CHECK : TouchAction.MESSAGE;
            touch.seq = ++seq;
            touch.dueAt = planned.dueAt();
            touch.plannedDueAt = planned.plannedDueAt();
            touch.nextAttemptAt = planned.dueAt();
            touch.asksConfirmation = rule.asksConfirmation();
            touch.template = rule.template();
            touch.params = rule.isNoShowCheck() ? "{}"
                    : ParamsJson.write(policies.texts().params(rule.template(), visit, planned.dueAt()));
            touch.buttons = String.join(",", rule.buttons());
            touch.idempotencyKey = Touch.idempotencyKey(appointment.id, rule.kind(), planned.dueAt());
            touch.createdAt = now;
            touch.status = TouchStatus.PLANNED;
            planned.droppedBecause().ifPresent(reason -> skip(touch, TouchStatus.SKIPPED, reason));
            applyKnownStatus(appointment, touch);
            rows.add(touch);
        }
        return rows;
    }

    /** A confirm, cancel, reschedule or arrival that overtook the booking shapes the plan as if it came after. */
    private static void applyKnownStatus(Appointment appointment, Touch touch) {
        switch (appointment.status) {
            case CANCELLED, RESCHEDULED -> skip(touch, TouchStatus.CANCELLED, appointment.status.name());
            case ARRIVED -> skip(touch, TouchStatus.SKIPPED, appointment.status.name());
            default -> {
                if (appointment.confirmed && touch.asksConfirmation) {
                    skip(touch, TouchStatus.SKIPPED, TouchRepository.CONFIRMATION_SKIP);
                }
            }
        }
    }

    private static void skip(Touch touch, TouchStatus status, String reason) {
        if (touch.status == TouchStatus.PLANNED) {
            touch.status = status;
            touch.reason = reason;
        }
    }

    /** Which touch the answer followed; metrics count it after the commit. */
    private record Answer(String answer, String touchKind) {
    }

    private Uni<Optional<Answer>> answer(UUID appointmentId, String answer, Instant answeredAt) {
        return touches.lastSentBefore(appointmentId, answeredAt).map(touch -> {
            if (touch == null) {
                return Optional.empty();
            }
            touch.answer = answer;
            touch.answeredAt = answeredAt;
            return Optional.of(new Answer(answer, touch.kind));
        });
    }

    private static Uni<Optional<Answer>> stale(YavkaEvent event, Appointment appointment) {
        LOG.debugf("%s v%d for %s is older than the applied v%d; ignored", event.getClass().getSimpleName(),
                event.meta().aggregateVersion(), appointment.id, appointment.statusVersion);
        return Uni.createFrom().item(Optional.empty());
    }

    /**
     * The event's effect and its id in one transaction, retried with back-off (the rows it
     * locks may be busy, the database may blink). If it still fails, the message is nacked
     * and the channel stops: Kafka keeps the event until a restart applies it.
     */
    private Uni<Void> once(YavkaEvent event, Function<Instant, Uni<Optional<Answer>>> effect) {
        return Uni.createFrom().deferred(() -> {
            Instant now = clock.instant();
            return Panache.withTransaction(() -> processed
                    .recordFirstTime(event.meta().eventId(), Topics.of(event), now)
                    .chain(first -> first ? effect.apply(now) : Uni.createFrom().item(Optional.<Answer>empty())));
        })
                .onFailure().retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(5)).atMost(10)
                .invoke(answer -> answer.ifPresent(a -> metrics.answerAfterTouch(a.answer(), a.touchKind())))
                .replaceWithVoid();
    }
}
