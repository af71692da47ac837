package ru.yavka.integration.messaging;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import ru.yavka.contracts.events.AppointmentBooked;
import ru.yavka.contracts.events.AppointmentCancelled;
import ru.yavka.contracts.events.AppointmentRescheduled;
import ru.yavka.integration.repository.AppointmentPushes;

/**
 * booking-service's appointment events become rows of the push queue; nothing here waits for
 * 1C, so an outage there never holds up a consumer. The row only moves forward in booking's
 * aggregate version, which makes a redelivered or late event a no-op. The offset is committed
 * after the returned Uni completes, i.e. after the row is written.
 */
@ApplicationScoped
public class AppointmentEventsConsumer {

    static final String BOOKED = "BOOKED";
    static final String CANCELLED = "CANCELLED";
    static final String RESCHEDULED = "RESCHEDULED";

    private final AppointmentPushes pushes;
    private final Clock clock;

    public AppointmentEventsConsumer(AppointmentPushes pushes, Clock clock) {
        this.pushes = pushes;
        this.clock = clock;
    }

    @Incoming("appointment-booked")
    public Uni<Void> booked(AppointmentBooked e) {
        return pushes.record(new AppointmentPushes.Change(e.appointmentId(), e.patientId(), e.doctorId(), e.slotId(),
                e.start(), e.durationMinutes(), e.specialty(), e.source() == null ? null : e.source().name(), BOOKED,
                null, e.meta().aggregateVersion(), clock.instant()));
    }

    @Incoming("appointment-cancelled")
    public Uni<Void> cancelled(AppointmentCancelled e) {
        return pushes.record(new AppointmentPushes.Change(e.appointmentId(), e.patientId(), e.doctorId(), e.slotId(),
                e.start(), null, e.specialty(), null, CANCELLED, null, e.meta().aggregateVersion(), clock.instant()));
    }

    /** The old appointment ends RESCHEDULED; the new one arrives as its own AppointmentBooked. */
    @Incoming("appointment-rescheduled")
    public Uni<Void> rescheduled(AppointmentRescheduled e) {
        return pushes.record(new AppointmentPushes.Change(e.appointmentId(), e.patientId(), e.doctorId(),
                e.oldSlotId(), e.oldStart(), null, e.specialty(), null, RESCHEDULED, e.newAppointmentId(),
                e.meta().aggregateVersion(), clock.instant()));
    }
}
