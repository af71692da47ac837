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
import ru.yavka.booking.repository.AppointmentRepository;
import ru.yavka.booking.repository.DoctorRepository;
import ru.yavka.booking.repository.Slot;
import ru.yavka.booking.repository.SlotRepository;
import ru.yavka.booking.repository.SlotStatus;
import ru.yavka.booking.repository.WaitlistEntry;
import ru.yavka.booking.repository.WaitlistEntryRepository;
import ru.yavka.booking.repository.WaitlistOffer;
import ru.yavka.booking.repository.WaitlistOfferRepository;
import ru.yavka.contracts.events.AppointmentSource;
import ru.yavka.contracts.events.DataAccessed;
import ru.yavka.contracts.events.EventMeta;
import ru.yavka.contracts.events.Specialty;
import ru.yavka.contracts.events.WaitlistOffered;

/**
 * Refills released slots from the waitlist: the best match gets an offer that holds the slot
 * until it expires, then the next match gets it.
 */
@ApplicationScoped
public class WaitlistService {

    private static final int EXPIRY_BATCH = 50;

    private final WaitlistEntryRepository entries;
    private final WaitlistOfferRepository offers;
    private final SlotRepository slots;
    private final DoctorRepository doctors;
    private final AppointmentRepository appointments;
    private final AppointmentBooker booker;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final BookingConfig config;
    private final Clock clock;

    public WaitlistService(WaitlistEntryRepository entries, WaitlistOfferRepository offers, SlotRepository slots,
            DoctorRepository doctors, AppointmentRepository appointments, AppointmentBooker booker, Outbox outbox,
            AuditTrail audit, BookingConfig config, Clock clock) {
        this.entries = entries;
        this.offers = offers;
        this.slots = slots;
        this.doctors = doctors;
        this.appointments = appointments;
        this.booker = booker;
        this.outbox = outbox;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<WaitlistEntry> join(WaitlistRequest request, Actor actor) {
        if (request.from().isAfter(request.to())) {
            throw BookingProblem.invalid("to", "the window must end on or after its start");
        }
        if (request.to().isBefore(LocalDate.now(clock.withZone(config.clinicZone())))) {
            throw BookingProblem.invalid("to", "the window is already over");
        }
        return resolveSpecialty(request)
                .call(() -> booker.requirePatient(request.patientId()))
                .chain(specialty -> {
                    WaitlistEntry entry = new WaitlistEntry();
                    entry.id = UUID.randomUUID();
                    entry.patientId = request.patientId();
                    entry.specialty = specialty;
                    entry.doctorId = request.doctorId();
                    entry.fromDate = request.from();
                    entry.toDate = request.to();
                    entry.status = WaitlistEntry.Status.WAITING;
                    entry.version = 1;
                    entry.createdAt = clock.instant();
                    entry.createdBy = actor.name();
                    return entries.persist(entry);
                })
                .call(entry -> audit.record(actor, entry.patientId, "waitlist", entry.id, DataAccessed.Action.CREATE));
    }

    @WithTransaction
    public Uni<List<WaitlistEntry>> activeEntries(Actor actor) {
        return entries.listActive().call(list -> audit.recordEach(actor,
                list.stream().map(e -> e.patientId).toList(), "waitlist", DataAccessed.Action.READ));
    }

    /** All of one patient's entries, closed ones too, with their offers: what the patient's access request needs. */
    @WithTransaction
    public Uni<List<WaitlistHistory>> entriesOf(UUID patientId, Actor actor) {
        return entries.listOf(patientId)
                .chain(list -> offers.listOf(patientId).map(made -> list.stream()
                        .map(e -> new WaitlistHistory(e, made.stream().filter(o -> o.entryId.equals(e.id)).toList()))
                        .toList()))
                .call(list -> audit.recordEach(actor, list.stream().map(h -> h.entry().patientId).toList(),
                        "waitlist", DataAccessed.Action.READ));
    }

    @WithTransaction
    public Uni<List<WaitlistOffer>> liveOffers(Actor actor) {
        return offers.listLive().call(list -> audit.recordEach(actor,
                list.stream().map(o -> o.patientId).toList(), "waitlist", DataAccessed.Action.READ));
    }

    /**
     * Offers a free slot to the best waiting match, inside the caller's transaction.
     * Returns the offer, or null when nobody fits and the slot stays free.
     */
    public Uni<WaitlistOffer> offer(Slot slot) {
        Instant now = clock.instant();
        if (!slot.end().isAfter(now)) {
            return Uni.createFrom().nullItem();
        }
        LocalDate day = slot.start.atZone(config.clinicZone()).toLocalDate();
        return doctors.findById(slot.doctorId)
                .chain(doctor -> entries.candidatesFor(slot, doctor.specialty, day))
                .chain(candidates -> firstFree(candidates, 0, slot))
                .chain(entry -> entry == null ? Uni.createFrom().nullItem() : makeOffer(entry, slot, now));
    }

    @WithTransaction
    public Uni<Appointment> accept(UUID offerId, AppointmentSource source, Actor actor) {
        return liveOffer(offerId)
                .chain(offer -> booker.claim(offer.slotId, SlotStatus.OFFERED)
                        .chain(slot -> booker.book(offer.patientId, slot, source, actor, null))
                        .call(appointment -> entries.lock(offer.entryId).invoke(entry -> {
                            entry.status = WaitlistEntry.Status.BOOKED;
                            entry.version++;
                            offer.status = WaitlistOffer.Status.ACCEPTED;
                            offer.decidedAt = clock.instant();
                            offer.appointmentId = appointment.id;
                        })));
    }

    @WithTransaction
    public Uni<WaitlistOffer> decline(UUID offerId, Actor actor) {
        return liveOffer(offerId).call(offer -> close(offer, WaitlistOffer.Status.DECLINED));
    }

    /** Takes the patient off the waitlist, passing any live offer on, in the caller's transaction (erasure). */
    public Uni<Void> withdraw(UUID patientId) {
        return entries.lockActiveOf(patientId).chain(active -> withdrawEach(active, 0));
    }

    private Uni<Void> withdrawEach(List<WaitlistEntry> active, int index) {
        if (index >= active.size()) {
            return Uni.createFrom().voidItem();
        }
        WaitlistEntry entry = active.get(index);
        Uni<Void> releaseOffer = entry.status == WaitlistEntry.Status.OFFERED
                ? offers.find("entryId = ?1 and status = ?2", entry.id, WaitlistOffer.Status.OFFERED).firstResult()
                        .chain(offer -> offer == null ? Uni.createFrom().voidItem()
                                : close(offer, WaitlistOffer.Status.DECLINED))
                : Uni.createFrom().voidItem();
        return releaseOffer
                .invoke(() -> {
                    entry.status = WaitlistEntry.Status.CANCELLED;
                    entry.version++;
                })
                .chain(() -> withdrawEach(active, index + 1));
    }

    /** Lapses offers past their time and passes each slot on to the next match. */
    @WithTransaction
    public Uni<Integer> expireDue() {
        return offers.lockExpired(clock.instant(), EXPIRY_BATCH)
                .chain(expired -> expireEach(expired, 0).replaceWith(expired.size()));
    }

    private Uni<Void> expireEach(List<WaitlistOffer> expired, int index) {
        if (index >= expired.size()) {
            return Uni.createFrom().voidItem();
        }
        return close(expired.get(index), WaitlistOffer.Status.EXPIRED).chain(() -> expireEach(expired, index + 1));
    }

    private Uni<Void> close(WaitlistOffer offer, WaitlistOffer.Status outcome) {
        offer.status = outcome;
        offer.decidedAt = clock.instant();
        return entries.lock(offer.entryId)
                .invoke(entry -> {
                    entry.status = WaitlistEntry.Status.WAITING;
                    entry.version++;
                })
                .chain(() -> slots.lock(offer.slotId))
                .chain(slot -> {
                    slot.status = SlotStatus.FREE;
                    slot.version++;
                    return offer(slot);
                })
                .replaceWithVoid();
    }

    private Uni<WaitlistOffer> liveOffer(UUID offerId) {
        return offers.lock(offerId)
                .onItem().ifNull().failWith(() -> BookingProblem.notFound("waitlist offer", offerId))
                .invoke(offer -> {
                    if (offer.status != WaitlistOffer.Status.OFFERED) {
                        throw BookingProblem.conflict("the offer is already " + offer.status.name().toLowerCase());
                    }
                    if (!offer.expiresAt.isAfter(clock.instant())) {
                        throw BookingProblem.conflict("the offer has expired");
                    }
                });
    }

    private Uni<WaitlistEntry> firstFree(List<WaitlistEntry> candidates, int index, Slot slot) {
        if (index >= candidates.size()) {
            return Uni.createFrom().nullItem();
        }
        WaitlistEntry candidate = candidates.get(index);
        return appointments.countOverlapping(candidate.patientId, slot.start, slot.end(), null)
                .chain(busy -> busy == 0 ? Uni.createFrom().item(candidate) : firstFree(candidates, index + 1, slot));
    }

    private Uni<WaitlistOffer> makeOffer(WaitlistEntry entry, Slot slot, Instant now) {
        entry.status = WaitlistEntry.Status.OFFERED;
        entry.version++;
        slot.status = SlotStatus.OFFERED;
        slot.version++;
        WaitlistOffer offer = new WaitlistOffer();
        offer.id = UUID.randomUUID();
        offer.entryId = entry.id;
        offer.slotId = slot.id;
        offer.patientId = entry.patientId;
        offer.status = WaitlistOffer.Status.OFFERED;
        offer.offeredAt = now;
        offer.expiresAt = now.plus(config.offerTtl());
        return offers.persist(offer)
                .call(() -> outbox.append(new WaitlistOffered(
                        EventMeta.next(entry.id.toString(), entry.version, now),
                        offer.id, entry.id, entry.patientId, slot.id, slot.doctorId, entry.specialty, slot.start,
                        offer.expiresAt)));
    }

    private Uni<String> resolveSpecialty(WaitlistRequest request) {
        if (request.doctorId() == null) {
            if (request.specialty() == null || Specialty.byCode(request.specialty()).isEmpty()) {
                throw BookingProblem.invalid("specialty", "a known specialty code (or a doctorId) is required");
            }
            return Uni.createFrom().item(request.specialty());
        }
        return doctors.findById(request.doctorId())
                .onItem().ifNull().failWith(() -> BookingProblem.invalid("doctorId",
                        "doctor " + request.doctorId() + " does not exist"))
                .map(doctor -> {
                    if (request.specialty() != null && !request.specialty().equals(doctor.specialty)) {
                        throw BookingProblem.invalid("specialty", "doctor " + doctor.id + " is a " + doctor.specialty);
                    }
                    return doctor.specialty;
                });
    }
}
