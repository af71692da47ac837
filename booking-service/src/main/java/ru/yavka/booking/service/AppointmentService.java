package ru.yavka.booking.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import ru.yavka.booking.config.BookingConfig;
import ru.yavka.booking.repository.Appointment;
import ru.yavka.booking.repository.AppointmentChange;
import ru.yavka.booking.repository.AppointmentChangeRepository;
import ru.yavka.booking.repository.AppointmentRepository;
import ru.yavka.booking.repository.AppointmentStatus;
import ru.yavka.booking.repository.SlotStatus;
import ru.yavka.contracts.events.AppointmentArrived;
import ru.yavka.contracts.events.AppointmentCancelled;
import ru.yavka.contracts.events.AppointmentConfirmed;
import ru.yavka.contracts.events.AppointmentRescheduled;
import ru.yavka.contracts.events.AppointmentSource;
import ru.yavka.contracts.events.DataAccessed;
import ru.yavka.contracts.events.EventMeta;
import ru.yavka.contracts.events.NoShowDetected;

/**
 * The appointment's life: book, confirm, cancel, reschedule, arrive, no-show, complete.
 * Each change and its events commit together; repeating a change already made is a no-op,
 * so a double tap acts once.
 */
@ApplicationScoped
public class AppointmentService {

    private static final String RECORD = "appointment";

    private final AppointmentRepository appointments;
    private final AppointmentChangeRepository changes;
    private final AppointmentBooker booker;
    private final AppointmentHistory history;
    private final SlotReleaser releaser;
    private final SlotHolds holds;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final BookingConfig config;
    private final Clock clock;

    public AppointmentService(AppointmentRepository appointments, AppointmentChangeRepository changes,
            AppointmentBooker booker, AppointmentHistory history, SlotReleaser releaser, SlotHolds holds,
            Outbox outbox, AuditTrail audit, BookingConfig config, Clock clock) {
        this.appointments = appointments;
        this.changes = changes;
        this.booker = booker;
        this.history = history;
        this.releaser = releaser;
        this.holds = holds;
        this.outbox = outbox;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    /** A hold by another patient refuses the booking; the booking itself is decided in PostgreSQL. */
    public Uni<Appointment> book(UUID patientId, UUID slotId, AppointmentSource source, String holder, Actor actor) {
        return holds.requireNotHeldByOther(slotId, holder)
                .chain(() -> booker.bookFreeSlot(patientId, slotId, source, actor))
                .call(() -> holds.release(slotId, holder));
    }

    @WithTransaction
    public Uni<Appointment> get(UUID id, Actor actor) {
        return appointments.findById(id)
                .onItem().ifNull().failWith(() -> BookingProblem.notFound("appointment", id))
                .call(a -> audit.record(actor, a.patientId, RECORD, a.id, DataAccessed.Action.READ));
    }

    @WithTransaction
    public Uni<List<AppointmentChange>> history(UUID id, Actor actor) {
        return get(id, actor).chain(a -> changes.history(a.id));
    }

    @WithTransaction
    public Uni<List<Appointment>> search(UUID patientId, UUID doctorId, LocalDate date, Actor actor) {
        Instant from = date == null ? null : date.atStartOfDay(config.clinicZone()).toInstant();
        Instant to = date == null ? null : date.plusDays(1).atStartOfDay(config.clinicZone()).toInstant();
        return appointments.search(patientId, doctorId, from, to)
                .call(list -> audit.recordEach(actor, list.stream().map(a -> a.patientId).toList(), RECORD,
                        DataAccessed.Action.READ));
    }

    @WithTransaction
    public Uni<Appointment> confirm(UUID id, Actor actor) {
        return upcoming(id, AppointmentStatus.CONFIRMED, "confirmed").chain(a -> a.status == AppointmentStatus.CONFIRMED
                ? Uni.createFrom().item(a)
                : requireNotStarted(a, "confirmed")
                        .chain(() -> history.transition(a, AppointmentStatus.CONFIRMED, actor, null))
                        .call(() -> outbox.append(new AppointmentConfirmed(meta(a), a.id, a.patientId, a.start,
                                actor.name())))
                        .call(() -> audit.record(actor, a.patientId, RECORD, a.id, DataAccessed.Action.UPDATE)));
    }

    @WithTransaction
    public Uni<Appointment> cancel(UUID id, String reason, Actor actor) {
        return upcoming(id, AppointmentStatus.CANCELLED, "cancelled").chain(a -> a.status == AppointmentStatus.CANCELLED
                ? Uni.createFrom().item(a)
                : requireNotStarted(a, "cancelled").chain(() -> cancelLocked(a, reason, actor)));
    }

    /** Cancels every visit of the patient still ahead, in the caller's transaction (erasure). */
    public Uni<Integer> cancelAllUpcoming(UUID patientId, String reason, Actor actor) {
        return appointments.upcomingOf(patientId).chain(list -> cancelEach(list, 0, reason, actor)
                .replaceWith(list.size()));
    }

    private Uni<Void> cancelEach(List<Appointment> list, int index, String reason, Actor actor) {
        if (index >= list.size()) {
            return Uni.createFrom().voidItem();
        }
        return appointments.lock(list.get(index).id)
                .chain(a -> clock.instant().isBefore(a.start) ? cancelLocked(a, reason, actor)
                        : Uni.createFrom().item(a))
                .chain(() -> cancelEach(list, index + 1, reason, actor));
    }

    private Uni<Appointment> cancelLocked(Appointment a, String reason, Actor actor) {
        a.cancelReason = reason;
        return history.transition(a, AppointmentStatus.CANCELLED, actor, reason)
                .call(() -> outbox.append(new AppointmentCancelled(meta(a), a.id, a.patientId, a.slotId,
                        a.doctorId, a.specialty, a.start, reason, actor.name())))
                .call(() -> releaser.release(a.slotId, "CANCELLED"))
                .call(() -> audit.record(actor, a.patientId, RECORD, a.id, DataAccessed.Action.UPDATE));
    }

    @WithTransaction
    public Uni<Appointment> reschedule(UUID id, UUID newSlotId, Actor actor) {
        return upcoming(id, AppointmentStatus.RESCHEDULED, "rescheduled")
                .invoke(old -> {
                    if (old.status == AppointmentStatus.RESCHEDULED) {
                        throw BookingProblem.conflict("appointment " + id + " has already been rescheduled to "
                                + old.rescheduledTo);
                    }
                    if (old.slotId.equals(newSlotId)) {
                        throw BookingProblem.invalid("slotId", "the new slot is the current one");
                    }
                })
                .call(old -> requireNotStarted(old, "rescheduled"))
                .chain(old -> booker.claim(newSlotId, SlotStatus.FREE)
                        .chain(slot -> booker.book(old.patientId, slot, old.source, actor, old.id))
                        .call(fresh -> {
                            old.rescheduledTo = fresh.id;
                            return history.transition(old, AppointmentStatus.RESCHEDULED, actor, "to " + fresh.id);
                        })
                        .call(fresh -> outbox.append(new AppointmentRescheduled(meta(old), old.id, fresh.id,
                                old.patientId, old.slotId, fresh.slotId, fresh.doctorId, fresh.specialty, old.start,
                                fresh.start, actor.name())))
                        .call(() -> releaser.release(old.slotId, "RESCHEDULED")));
    }

    @WithTransaction
    public Uni<Appointment> arrive(UUID id, Actor actor) {
        return upcoming(id, AppointmentStatus.ARRIVED, "marked as arrived").chain(a ->
                a.status == AppointmentStatus.ARRIVED
                        ? Uni.createFrom().item(a)
                        : history.transition(a, AppointmentStatus.ARRIVED, actor, null)
                                .call(() -> outbox.append(new AppointmentArrived(meta(a), a.id, a.patientId, a.start,
                                        actor.name())))
                                .call(() -> audit.record(actor, a.patientId, RECORD, a.id,
                                        DataAccessed.Action.UPDATE)));
    }

    @WithTransaction
    public Uni<Appointment> noShow(UUID id, Actor actor) {
        return upcoming(id, AppointmentStatus.NO_SHOW, "marked as a no-show").chain(a -> {
            if (a.status == AppointmentStatus.NO_SHOW) {
                return Uni.createFrom().item(a);
            }
            if (clock.instant().isBefore(a.start)) {
                throw BookingProblem.invalid("id", "the visit has not started yet; it cannot be a no-show");
            }
            return history.transition(a, AppointmentStatus.NO_SHOW, actor, null)
                    .call(() -> outbox.append(new NoShowDetected(meta(a), a.id, a.patientId, a.slotId, a.doctorId,
                            a.specialty, a.start, actor.name())))
                    .call(() -> releaser.release(a.slotId, "NO_SHOW"))
                    .call(() -> audit.record(actor, a.patientId, RECORD, a.id, DataAccessed.Action.UPDATE));
        });
    }

    @WithTransaction
    public Uni<Appointment> complete(UUID id, Actor actor) {
        return appointments.lock(id)
                .onItem().ifNull().failWith(() -> BookingProblem.notFound("appointment", id))
                .chain(a -> switch (a.status) {
                    case COMPLETED -> Uni.createFrom().item(a);
                    case ARRIVED -> history.transition(a, AppointmentStatus.COMPLETED, actor, null)
                            .call(() -> audit.record(actor, a.patientId, RECORD, a.id, DataAccessed.Action.UPDATE));
                    default -> Uni.createFrom().failure(BookingProblem.conflict(
                            "only an appointment whose patient arrived can be completed; it is "
                                    + a.status.name().toLowerCase()));
                });
    }

    /**
     * Loads and locks the appointment; it must still be upcoming, or already in {@code target}
     * (the repeat of a change already made).
     */
    private Uni<Appointment> upcoming(UUID id, AppointmentStatus target, String verb) {
        return appointments.lock(id)
                .onItem().ifNull().failWith(() -> BookingProblem.notFound("appointment", id))
                .invoke(a -> {
                    if (a.status != target && !AppointmentStatus.UPCOMING.contains(a.status)) {
                        throw BookingProblem.conflict("appointment " + id + " is " + a.status.name().toLowerCase()
                                + " (" + a.status.russian() + ") and cannot be " + verb);
                    }
                });
    }

    private Uni<Void> requireNotStarted(Appointment a, String verb) {
        if (!clock.instant().isBefore(a.start)) {
            return Uni.createFrom().failure(BookingProblem.conflict(
                    "the visit has already started; the appointment can no longer be " + verb));
        }
        return Uni.createFrom().voidItem();
    }

    private EventMeta meta(Appointment a) {
        return EventMeta.next(a.id.toString(), a.version, clock.instant());
    }
}
