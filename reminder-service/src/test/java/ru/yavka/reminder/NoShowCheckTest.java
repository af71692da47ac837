package ru.yavka.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import ru.yavka.contracts.events.ReminderDue;
import ru.yavka.reminder.repository.TouchClaims;
import ru.yavka.reminder.support.BookingStubControl;
import ru.yavka.reminder.support.Db;
import ru.yavka.reminder.support.Db.TouchRow;
import ru.yavka.reminder.support.Events.Appointment;
import ru.yavka.reminder.support.ReminderTestBase;

/**
 * The T+30m check against a booking-service stand-in over real HTTP (the real booking-service
 * is exercised by NoShowFlowTest when its jar is built).
 */
@QuarkusTest
class NoShowCheckTest extends ReminderTestBase {

    static final Duration MIN = Duration.ofMinutes(1);

    private Appointment bookedThreeDaysAhead(Instant start) {
        Appointment appointment = Appointment.at(start);
        clock.set(start.minus(Duration.ofHours(72)));
        apply(appointment.booked(clock.instant()));
        return appointment;
    }

    @Test
    void anArrivedPatientIsNeverAskedAbout() {
        Instant start = moscow("2030-07-01T10:00");
        Appointment appointment = bookedThreeDaysAhead(start);
        BookingStubControl.reply(appointment.id(), 200, BookingStubControl.NO_SHOW_VIEW);
        clock.set(start.plus(MIN.multipliedBy(5)));
        apply(appointment.arrived(2, clock.instant()));

        clock.set(start.plus(MIN.multipliedBy(31)));
        jobs.runNoShowChecks();
        jobs.dispatchDue();

        assertThat(BookingStubControl.calls(appointment.id())).isEmpty();
        TouchRow check = Db.touch(pool, appointment.id(), "NO_SHOW_CHECK");
        assertThat(check.status()).isEqualTo("SKIPPED");
        assertThat(check.reason()).isEqualTo("ARRIVED");
        assertThat(inbox.sync(appointment.id())).extracting(ReminderDue::touchKind).doesNotContain("NO_SHOW_FOLLOWUP");
    }

    @Test
    void whenBookingSaysThePatientArrivedTheCheckIsSkipped() {
        // The arrival is known to booking-service, but its event has not reached us yet.
        Instant start = moscow("2030-07-02T10:00");
        Appointment appointment = bookedThreeDaysAhead(start);
        BookingStubControl.reply(appointment.id(), 409, BookingStubControl.ARRIVED_CONFLICT);

        clock.set(start.plus(MIN.multipliedBy(30)));
        jobs.runNoShowChecks();
        jobs.dispatchDue();

        assertThat(BookingStubControl.calls(appointment.id())).hasSize(1);
        assertThat(Db.touch(pool, appointment.id(), "NO_SHOW_CHECK"))
                .extracting(TouchRow::status, TouchRow::reason).containsExactly("SKIPPED", "ARRIVED");
        assertThat(Db.touches(pool, appointment.id())).extracting(TouchRow::kind).doesNotContain("NO_SHOW_FOLLOWUP");
    }

    @Test
    void whileBookingIsDownOrNotReadyTheCheckWaitsAndIsNeverLost() {
        Instant start = moscow("2030-07-03T10:00");
        Appointment appointment = bookedThreeDaysAhead(start);
        // Down for the first attempt and its two retries, then "not started" by booking's clock, then done.
        for (int i = 0; i < 3; i++) {
            BookingStubControl.reply(appointment.id(), 503, "{\"status\":503}");
        }
        BookingStubControl.reply(appointment.id(), 422, BookingStubControl.NOT_STARTED);
        BookingStubControl.reply(appointment.id(), 200, BookingStubControl.NO_SHOW_VIEW);

        clock.set(start.plus(MIN.multipliedBy(30)));
        jobs.runNoShowChecks();
        assertThat(BookingStubControl.calls(appointment.id())).hasSize(3);
        TouchRow check = Db.touch(pool, appointment.id(), "NO_SHOW_CHECK");
        assertThat(check.status()).isEqualTo("PLANNED");

        // Not again before the retry delay (one minute by configuration)...
        jobs.runNoShowChecks();
        assertThat(BookingStubControl.calls(appointment.id())).hasSize(3);
        // ...then 422, then the no-show.
        clock.advance(MIN);
        jobs.runNoShowChecks();
        assertThat(BookingStubControl.calls(appointment.id())).hasSize(4);
        assertThat(Db.touch(pool, appointment.id(), "NO_SHOW_CHECK").status()).isEqualTo("PLANNED");
        clock.advance(MIN);
        jobs.runNoShowChecks();
        assertThat(BookingStubControl.calls(appointment.id())).hasSize(5);
        assertThat(Db.touch(pool, appointment.id(), "NO_SHOW_CHECK"))
                .extracting(TouchRow::status, TouchRow::reason).containsExactly("SENT", "MARKED");

        jobs.dispatchDue();
        assertThat(inbox.sync(appointment.id())).extracting(ReminderDue::touchKind).containsExactly(
                "T_MINUS_48H", "T_MINUS_24H", "T_MINUS_2H", "NO_SHOW_FOLLOWUP");
    }

    @Test
    void aReplicaThatDiesHoldingTheCheckLosesItsLeaseAndAnotherOneFinishes() {
        Instant start = moscow("2030-07-04T10:00");
        Appointment appointment = bookedThreeDaysAhead(start);
        BookingStubControl.reply(appointment.id(), 200, BookingStubControl.NO_SHOW_VIEW);
        clock.set(start.plus(MIN.multipliedBy(30)));
        // A replica leases every due check and dies before calling booking-service.
        assertThat(TouchClaims.leaseDueChecks(pool, clock.instant(), clock.instant().plus(Duration.ofMinutes(2)), 1000))
                .extracting(c -> c.appointmentId()).contains(appointment.id());

        jobs.runNoShowChecks();
        assertThat(BookingStubControl.calls(appointment.id())).isEmpty();

        clock.advance(Duration.ofMinutes(2));
        jobs.runNoShowChecks();
        assertThat(BookingStubControl.calls(appointment.id())).hasSize(1);
        assertThat(Db.touch(pool, appointment.id(), "NO_SHOW_CHECK").status()).isEqualTo("SENT");
    }

    @Test
    void aFollowUpThatWouldReachThePatientAtNightWaitsForTheMorning() {
        Instant start = moscow("2030-07-05T21:50");
        Appointment appointment = bookedThreeDaysAhead(start);
        BookingStubControl.reply(appointment.id(), 200, BookingStubControl.NO_SHOW_VIEW);

        clock.set(moscow("2030-07-05T22:20"));
        jobs.runNoShowChecks();
        jobs.dispatchDue();
        assertThat(Db.touch(pool, appointment.id(), "NO_SHOW_FOLLOWUP"))
                .extracting(TouchRow::status, TouchRow::dueAt).containsExactly("PLANNED", moscow("2030-07-06T08:00"));
        assertThat(inbox.sync(appointment.id())).extracting(ReminderDue::touchKind).doesNotContain("NO_SHOW_FOLLOWUP");

        clock.set(moscow("2030-07-06T08:00"));
        jobs.dispatchDue();
        assertThat(inbox.sync(appointment.id())).extracting(ReminderDue::touchKind, ReminderDue::dueAt)
                .contains(Tuple.tuple("NO_SHOW_FOLLOWUP", moscow("2030-07-06T08:00")));
    }
}
