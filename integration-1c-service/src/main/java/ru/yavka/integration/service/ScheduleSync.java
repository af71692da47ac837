package ru.yavka.integration.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import ru.yavka.integration.client.BookingApi;
import ru.yavka.integration.client.BookingClient;
import ru.yavka.integration.client.BookingRejection;
import ru.yavka.integration.client.OneCSchedule;
import ru.yavka.integration.config.OneCConfig;
import ru.yavka.integration.repository.DoctorLinks;
import ru.yavka.integration.repository.SlotLinks;
import ru.yavka.integration.repository.SyncStates;

/**
 * Brings 1C's doctors and slots into booking-service, by 1C's ids. It only ever adds: a slot
 * 1C no longer publishes is marked as withdrawn and reported, never removed, so a booked
 * appointment is never destroyed by a sync. Each slot is brought over once (slot_link); a slot
 * booking already has at that time (made by staff) is left as it is.
 */
@ApplicationScoped
public class ScheduleSync {

    private static final Logger LOG = Logger.getLogger(ScheduleSync.class);
    /** booking-service refuses slots in the past; leave a margin for the time the sync takes. */
    private static final Duration MIN_LEAD = Duration.ofMinutes(1);

    public record Report(String source, Instant dataFrom, long ageSeconds, int doctors, int doctorsCreated,
            int slotsPublished, int slotsCreated, int slotsAlreadyInBooking, int slotsWithdrawn, int refused,
            String note) {
    }

    private final ScheduleFeed feed;
    private final BookingClient booking;
    private final DoctorLinks doctorLinks;
    private final SlotLinks slotLinks;
    private final SyncStates states;
    private final OneCConfig config;
    private final Clock clock;
    private final ReentrantLock running = new ReentrantLock();

    public ScheduleSync(ScheduleFeed feed, @RestClient BookingClient booking, DoctorLinks doctorLinks,
            SlotLinks slotLinks, SyncStates states, OneCConfig config, Clock clock) {
        this.feed = feed;
        this.booking = booking;
        this.doctorLinks = doctorLinks;
        this.slotLinks = slotLinks;
        this.states = states;
        this.config = config;
        this.clock = clock;
    }

    /** For the scheduler: skipped when a sync is already running. */
    public void syncIfIdle() {
        if (running.tryLock()) {
            try {
                sync();
            } catch (RuntimeException e) {
                LOG.warnf("schedule sync failed: %s", Failures.describe(e));
            } finally {
                running.unlock();
            }
        }
    }

    /** On demand: waits for a running sync to finish, then runs. */
    public Report syncNow() throws InterruptedException {
        if (!running.tryLock(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("a schedule sync has been running for over two minutes");
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
        LocalDate last = today.plusDays(config.sync().horizonDays());
        Fetched<OneCSchedule> fetched;
        try {
            fetched = feed.schedule(today, last);
        } catch (RuntimeException e) {
            states.failed(SyncKinds.SCHEDULE, now, Failures.describe(e));
            throw e;
        }
        if (!fetched.live()) {
            // The cached schedule was applied when it was fresh; applying it again adds nothing.
            String note = "1C unavailable (" + fetched.reason() + "); cached schedule of " + fetched.ageSeconds()
                    + " s ago not re-applied";
            states.failed(SyncKinds.SCHEDULE, now, note);
            OneCSchedule s = fetched.data();
            return new Report(fetched.source().name(), fetched.fetchedAt(), fetched.ageSeconds(), s.doctors().size(),
                    0, s.slotCount(), 0, 0, 0, 0, note);
        }
        try {
            Report report = apply(fetched, now, last.plusDays(1).atStartOfDay(config.clinicZone()).toInstant());
            states.succeeded(SyncKinds.SCHEDULE, now, report.doctors() + " doctors, " + report.slotsPublished()
                    + " slots published, " + report.slotsCreated() + " created, " + report.slotsWithdrawn()
                    + " newly withdrawn, " + report.refused() + " refused by booking-service");
            return report;
        } catch (RuntimeException e) {
            states.failed(SyncKinds.SCHEDULE, now, "applying to booking-service failed: " + e.getMessage());
            throw e;
        }
    }

    private Report apply(Fetched<OneCSchedule> fetched, Instant now, Instant horizonEnd) {
        Map<String, BookingApi.Doctor> inBooking = new HashMap<>();
        for (BookingApi.Doctor d : booking.doctors()) {
            if (d.externalId() != null) {
                inBooking.put(d.externalId(), d);
            }
        }
        int doctorsCreated = 0;
        int slotsCreated = 0;
        int slotsExisting = 0;
        int refused = 0;
        List<String> syncedDoctors = new ArrayList<>();
        List<String> published = new ArrayList<>();
        for (OneCSchedule.Doctor doctor : fetched.data().doctors()) {
            doctor.slots().forEach(s -> published.add(s.externalId()));
            UUID doctorId;
            BookingApi.Doctor known = inBooking.get(doctor.externalId());
            if (known != null) {
                doctorId = known.id();
                if (!known.fullName().equals(doctor.fullName()) || !known.specialty().equals(doctor.specialty())) {
                    LOG.infof("doctor %s differs between 1C and booking-service; booking-service keeps its own"
                            + " (it has no update for doctors)", doctor.externalId());
                }
            } else {
                try {
                    doctorId = createDoctor(doctor);
                    doctorsCreated++;
                } catch (BookingRejection e) {
                    LOG.warnf("doctor %s from 1C refused by booking-service (field %s): not synced", doctor.externalId(),
                            e.field());
                    refused++;
                    continue;
                }
            }
            doctorLinks.link(doctor.externalId(), doctorId, now);
            syncedDoctors.add(doctor.externalId());
            Set<String> linked = slotLinks.known(doctor.slots().stream().map(OneCSchedule.Slot::externalId).toList());
            for (OneCSchedule.Slot slot : doctor.slots()) {
                if (linked.contains(slot.externalId()) || slot.start().isBefore(now.plus(MIN_LEAD))) {
                    continue;
                }
                switch (addSlot(doctor.externalId(), doctorId, slot, now)) {
                    case CREATED -> slotsCreated++;
                    case EXISTED -> slotsExisting++;
                    case REFUSED -> refused++;
                }
            }
        }
        int withdrawn = slotLinks.reconcile(syncedDoctors, now, horizonEnd, published, now);
        if (withdrawn > 0) {
            LOG.warnf("1C withdrew %d slot(s) that booking-service still offers or has booked; they are kept"
                    + " (a sync never removes slots), see GET /api/integration/status", withdrawn);
        }
        return new Report(fetched.source().name(), fetched.fetchedAt(), 0, fetched.data().doctors().size(),
                doctorsCreated, fetched.data().slotCount(), slotsCreated, slotsExisting, withdrawn, refused, null);
    }

    private UUID createDoctor(OneCSchedule.Doctor doctor) {
        try {
            return booking.addDoctor(new BookingApi.NewDoctor(doctor.fullName(), doctor.specialty(), doctor.branch(),
                    doctor.address(), doctor.externalId())).id();
        } catch (BookingRejection e) {
            if (e.status() == 409 && "externalId".equals(e.field())) {
                // Created meanwhile (another replica, or the demo seed): take that one.
                return booking.doctors().stream().filter(d -> doctor.externalId().equals(d.externalId()))
                        .findFirst().map(BookingApi.Doctor::id).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    private enum Outcome {
        CREATED, EXISTED, REFUSED
    }

    private Outcome addSlot(String doctorExternalId, UUID doctorId, OneCSchedule.Slot slot, Instant now) {
        try {
            BookingApi.Slot created = booking.addSlot(doctorId, new BookingApi.NewSlot(
                    slot.start().atZone(config.clinicZone()).toOffsetDateTime(), slot.durationMinutes(),
                    slot.externalId()));
            slotLinks.link(slot.externalId(), doctorExternalId, slot.start(), slot.durationMinutes(), created.id(),
                    SlotLinks.Origin.CREATED, now);
            return Outcome.CREATED;
        } catch (BookingRejection e) {
            if (e.status() == 409 && "start".equals(e.field())) {
                // booking already has a slot for this doctor at this time (staff made it): keep it as it is.
                slotLinks.link(slot.externalId(), doctorExternalId, slot.start(), slot.durationMinutes(), null,
                        SlotLinks.Origin.EXISTED, now);
                return Outcome.EXISTED;
            }
            LOG.warnf("slot %s of doctor %s refused by booking-service (HTTP %d, field %s)", slot.externalId(),
                    doctorExternalId, e.status(), e.field());
            return Outcome.REFUSED;
        }
    }
}
