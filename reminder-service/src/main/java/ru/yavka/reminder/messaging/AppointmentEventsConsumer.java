package ru.yavka.reminder.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;

import ru.yavka.contracts.events.AppointmentArrived;
import ru.yavka.contracts.events.AppointmentBooked;
import ru.yavka.contracts.events.AppointmentCancelled;
import ru.yavka.contracts.events.AppointmentConfirmed;
import ru.yavka.contracts.events.AppointmentRescheduled;
import ru.yavka.reminder.service.ReminderPlanService;

/**
 * booking-service's appointment events, one channel per topic. The offset is committed
 * only after the returned Uni completes, i.e. after the transaction that applied the event.
 */
@ApplicationScoped
public class AppointmentEventsConsumer {

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
}
