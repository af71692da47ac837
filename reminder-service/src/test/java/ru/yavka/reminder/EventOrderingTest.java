package ru.yavka.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import ru.yavka.contracts.events.AppointmentBooked;
import ru.yavka.contracts.events.ReminderDue;
import ru.yavka.contracts.events.YavkaEvent;
import ru.yavka.reminder.support.BookingStubControl;
import ru.yavka.reminder.support.Db;
import ru.yavka.reminder.support.Db.TouchRow;
import ru.yavka.reminder.support.Events.Appointment;
import ru.yavka.reminder.support.ReminderTestBase;

/** Redelivered and reordered events (each topic is consumed on its own) end in the plan of the orderly sequence. */
@QuarkusTest
class EventOrderingTest extends ReminderTestBase {

    static final Duration H = Duration.ofHours(1);

    private List<Tuple> plan(Appointment appointment) {
        return Db.touches(pool, appointment.id()).stream()
                .map(t -> Tuple.tuple(t.kind(), t.status(), t.reason(), t.dueAt()))
                .toList();
    }

    @Test
    void aBookingDeliveredTwiceOrRepublishedPlansOnce() {
        Instant start = moscow("2030-05-06T13:00");
        Appointment appointment = Appointment.at(start);
        clock.set(start.minus(H.multipliedBy(72)));
        AppointmentBooked booked = appointment.booked(clock.instant());
        // The very same record twice (a redelivery), then the same booking under a new event id (a republish).
        events.send(booked);
        events.send(booked);
        AppointmentBooked republished = appointment.booked(clock.instant());
        events.send(republished);
        awaitProcessed(booked);
        awaitProcessed(republished);

        assertThat(Db.touches(pool, appointment.id())).extracting(TouchRow::kind)
                .containsExactly("T_MINUS_48H", "T_MINUS_24H", "T_MINUS_2H", "NO_SHOW_CHECK");

        // A redelivery after the first touch went out replans nothing and resends nothing.
        clock.set(start.minus(H.multipliedBy(48)));
        jobs.dispatchDue();
        events.send(booked);
        apply(appointment.booked(clock.instant()));
        jobs.dispatchDue();
        assertThat(inbox.sync(appointment.id())).extracting(ReminderDue::touchKind).containsExactly("T_MINUS_48H");
        assertThat(Db.touches(pool, appointment.id())).extracting(TouchRow::kind, TouchRow::status).containsExactly(
                Tuple.tuple("T_MINUS_48H", "SENT"), Tuple.tuple("T_MINUS_24H", "PLANNED"),
                Tuple.tuple("T_MINUS_2H", "PLANNED"), Tuple.tuple("NO_SHOW_CHECK", "PLANNED"));
    }

    @Test
    void consumedEventIdsAreForgottenAfterTheRetentionAndVersionsStillGuardTheirRedelivery() {
        Instant start = moscow("2030-05-12T13:00");
        Appointment appointment = Appointment.at(start);
        clock.set(start.minus(H.multipliedBy(72)));
        AppointmentBooked booked = appointment.booked(clock.instant());
        YavkaEvent cancelled = appointment.cancelled(2, clock.instant());
        apply(booked, cancelled);

        // Retention (30 days by configuration) counts from when the service applied the event.
        Instant applied = clock.instant();
        clock.set(applied.plus(Duration.ofDays(29)));
        jobs.purgeProcessedEvents();
        assertThat(Db.processed(pool, cancelled.meta().eventId())).isTrue();
        clock.set(applied.plus(Duration.ofDays(31)));
        assertThat(jobs.purgeProcessedEvents()).isPositive();
        assertThat(Db.processed(pool, cancelled.meta().eventId())).isFalse();

        // A very late redelivery of the booking finds the details known and plans nothing again.
        apply(booked);
        assertThat(Db.touches(pool, appointment.id())).extracting(TouchRow::status).containsOnly("CANCELLED").hasSize(4);
    }

    @Test
    void aCancellationThatOvertakesItsBookingStillWins() {
        Instant start = moscow("2030-05-07T13:00");
        Appointment appointment = Appointment.at(start);
        clock.set(start.minus(H.multipliedBy(72)));
        apply(appointment.cancelled(2, clock.instant()), appointment.booked(clock.instant()));

        assertThat(Db.touches(pool, appointment.id())).extracting(TouchRow::status).containsOnly("CANCELLED").hasSize(4);
        clock.set(start.plus(H));
        jobs.dispatchDue();
        jobs.runNoShowChecks();
        assertThat(inbox.sync(appointment.id())).isEmpty();
        assertThat(BookingStubControl.calls(appointment.id())).isEmpty();
    }

    @Test
    void aStaleConfirmationAfterTheCancellationChangesNothing() {
        Instant start = moscow("2030-05-08T13:00");
        Appointment appointment = Appointment.at(start);
        clock.set(start.minus(H.multipliedBy(72)));
        apply(appointment.booked(clock.instant()), appointment.cancelled(3, clock.instant()),
                appointment.confirmed(2, clock.instant()));

        assertThat(Db.touches(pool, appointment.id())).extracting(TouchRow::status, TouchRow::reason)
                .containsOnly(Tuple.tuple("CANCELLED", "CANCELLED"));
        clock.set(start.plus(H));
        jobs.dispatchDue();
        assertThat(inbox.sync(appointment.id())).isEmpty();
    }

    @Test
    void everyOrderOfBookConfirmAndArriveEndsInTheSamePlan() {
        assertSameFinalPlan(moscow("2030-05-09T10:00"), (a, at) -> List.of(a.booked(at), a.confirmed(2, at)));
        assertSameFinalPlan(moscow("2030-05-10T10:00"),
                (a, at) -> List.of(a.booked(at), a.confirmed(2, at), a.cancelled(3, at)));
        assertSameFinalPlan(moscow("2030-05-11T10:00"),
                (a, at) -> List.of(a.booked(at), a.confirmed(2, at), a.arrived(3, at)));
    }

    interface Story {
        List<YavkaEvent> of(Appointment appointment, Instant at);
    }

    /** Plays the story in every order, each on its own appointment at the same time, and compares the plans. */
    private void assertSameFinalPlan(Instant start, Story story) {
        clock.set(start.minus(H.multipliedBy(72)));
        List<List<Tuple>> plans = new ArrayList<>();
        List<List<Integer>> orders = permutations(story.of(Appointment.at(start), clock.instant()).size());
        for (List<Integer> order : orders) {
            Appointment appointment = Appointment.at(start);
            List<YavkaEvent> sequence = story.of(appointment, clock.instant());
            for (int i : order) {
                apply(sequence.get(i));
            }
            plans.add(plan(appointment));
        }
        for (int i = 1; i < plans.size(); i++) {
            assertThat(plans.get(i)).as("order " + orders.get(i) + " vs the orderly " + orders.get(0))
                    .containsExactlyElementsOf(plans.get(0));
        }
        assertThat(plans.get(0)).hasSize(4);
    }

    private static List<List<Integer>> permutations(int n) {
        List<List<Integer>> result = new ArrayList<>();
        permute(new ArrayList<>(), n, result);
        return result;
    }

    private static void permute(List<Integer> prefix, int n, List<List<Integer>> result) {
        if (prefix.size() == n) {
            result.add(List.copyOf(prefix));
            return;
        }
        for (int i = 0; i < n; i++) {
            if (!prefix.contains(i)) {
                prefix.add(i);
                permute(prefix, n, result);
                prefix.remove(prefix.size() - 1);
            }
        }
    }
}
