package ru.yavka.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import ru.yavka.contracts.events.ReminderDue;
import ru.yavka.reminder.support.Db;
import ru.yavka.reminder.support.Db.TouchRow;
import ru.yavka.reminder.support.Events.Appointment;
import ru.yavka.reminder.support.ReminderTestBase;

/** Quiet hours (22:00-08:00 Moscow) through the whole service: planned, stored, and sent at the moved time. */
@QuarkusTest
class QuietHoursFlowTest extends ReminderTestBase {

    @Test
    void aTouchFallingIntoTheNightMovesToTheNearestAllowedMoment() {
        // 09:30 visit: T-2h would be 07:30; it goes out at 08:00 and says "через 2 часа" truthfully.
        Instant start = moscow("2030-06-04T09:30");
        Appointment appointment = Appointment.at(start);
        clock.set(moscow("2030-06-01T12:00"));
        apply(appointment.booked(clock.instant()));

        TouchRow t2 = Db.touch(pool, appointment.id(), "T_MINUS_2H");
        assertThat(t2.plannedDueAt()).isEqualTo(moscow("2030-06-04T07:30"));
        assertThat(t2.dueAt()).isEqualTo(moscow("2030-06-04T08:00"));
        assertThat(t2.status()).isEqualTo("PLANNED");

        clock.set(moscow("2030-06-04T07:59"));
        jobs.dispatchDue();
        assertThat(inbox.sync(appointment.id())).extracting(ReminderDue::touchKind)
                .containsExactly("T_MINUS_48H", "T_MINUS_24H");
        clock.set(moscow("2030-06-04T08:00"));
        jobs.dispatchDue();
        ReminderDue sent = inbox.sync(appointment.id()).get(2);
        assertThat(sent.touchKind()).isEqualTo("T_MINUS_2H");
        assertThat(sent.dueAt()).isEqualTo(moscow("2030-06-04T08:00"));
        assertThat(sent.params().get("text")).startsWith("Ваш приём через 2 часа, в 09:30");
    }

    @Test
    void aTouchWithNoAllowedMomentLeftIsDroppedAndNeverSent() {
        // Booked at 23:00 for 08:00 the next morning: 21:59 has passed, 08:00 is the visit itself.
        Instant start = moscow("2030-06-06T08:00");
        Appointment appointment = Appointment.at(start);
        clock.set(moscow("2030-06-05T23:00"));
        apply(appointment.booked(clock.instant()));

        assertThat(Db.touches(pool, appointment.id())).extracting(TouchRow::kind, TouchRow::status, TouchRow::reason)
                .containsExactly(Tuple.tuple("T_MINUS_2H", "SKIPPED", "QUIET_HOURS"),
                        Tuple.tuple("NO_SHOW_CHECK", "PLANNED", null));
        clock.set(moscow("2030-06-06T08:10"));
        jobs.dispatchDue();
        assertThat(inbox.sync(appointment.id())).isEmpty();
    }
}
