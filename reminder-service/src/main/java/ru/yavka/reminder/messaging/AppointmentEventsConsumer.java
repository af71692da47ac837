package ru.yavka.reminder.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

import ru.yavka.contracts.events.AppointmentArrived;
import ru.yavka.contracts.events.AppointmentBooked;
import ru.yavka.contracts.events.AppointmentCancelled;
import ru.yavka.contracts.events.AppointmentConfirmed;
import ru.yavka.contracts.events.AppointmentRescheduled;
import ru.yavka.contracts.events.PatientErasureRequested;
import ru.yavka.reminder.service.ReminderPlanService;

/**
 * booking-service's appointment events and erasure requests, one channel per topic. The offset
 * is committed only after the returned Uni completes, i.e. after the transaction that applied
 * the event.
 */
@ApplicationScoped
public class AppointmentEventsConsumer {

    private static final Logger LOG = Logger.getLogger(AppointmentEventsConsumer.class);

    private final ReminderPlanService plans;

    public AppointmentEventsConsumer(ReminderPlanService plans) {
        this.plans = plans;
    }

    @Incoming("appointment-booked")
    public Uni<Void> booked(AppointmentBooked event) {
        return plans.booked(event);
    }

    @Incoming("appointment-confirmed")
    public Uni<Void> confirmed(AppointmentConfirmed event) {
        return plans.confirmed(event);
    }

    @Incoming("appointment-cancelled")
    public Uni<Void> cancelled(AppointmentCancelled event) {
        return plans.cancelled(event);
    }

    @Incoming("appointment-rescheduled")
    public Uni<Void> rescheduled(AppointmentRescheduled event) {
        return plans.rescheduled(event);
    }

    @Incoming("appointment-arrived")
    public Uni<Void> arrived(AppointmentArrived event) {
        return plans.arrived(event);
    }

    /** A request without a patient could never be carried out: it would only stop the channel. */
    @Incoming("patient-erasure-requested")
    public Uni<Void> erasureRequested(PatientErasureRequested event) {
        if (event.patientId() == null) {
            LOG.warnf("PatientErasureRequested %s names no patient; skipped", event.meta().eventId());
            return Uni.createFrom().voidItem();
        }
        return plans.erasureRequested(event);
    }
}
