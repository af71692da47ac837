package ru.yavka.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

import ru.yavka.contracts.events.ReminderDue;
import ru.yavka.reminder.support.BookingStubControl;
import ru.yavka.reminder.support.Db;
import ru.yavka.reminder.support.Db.TouchRow;
import ru.yavka.reminder.support.Events;
import ru.yavka.reminder.support.Events.Appointment;
import ru.yavka.reminder.support.Jwts;
import ru.yavka.reminder.support.ReminderTestBase;

/** The sequence of one appointment against the real Kafka and PostgreSQL, with the service's clock in hand. */
@QuarkusTest
class ReminderSequenceTest extends ReminderTestBase {

    static final Duration H = Duration.ofHours(1);

    private List<ReminderDue> sent(UUID appointmentId, String kind) {
        return inbox.sync(appointmentId).stream().filter(r -> r.touchKind().equals(kind)).toList();
    }

    /** Sends what is due one second before {@code due} (nothing of that kind may go), then at {@code due}. */
    private ReminderDue dispatchExactlyAt(Appointment appointment, String kind, Instant due) {
        clock.set(due.minusSeconds(1));
        jobs.dispatchDue();
        assertThat(sent(appointment.id(), kind)).as(kind + " one second early").isEmpty();
        clock.set(due);
        jobs.dispatchDue();
        List<ReminderDue> out = sent(appointment.id(), kind);
        assertThat(out).as(kind + " at its time").hasSize(1);
        return out.get(0);
    }

    @Test
    void bookedThreeDaysAheadGetsThreeTouchesAndTheCheckAtTheirExactTimes() throws Exception {
        Instant start = moscow("2030-04-10T14:00");
        Appointment appointment = Appointment.at(start);
        clock.set(start.minus(H.multipliedBy(72)));
        apply(appointment.booked(clock.instant()));

        List<TouchRow> plan = Db.touches(pool, appointment.id());
        assertThat(plan).extracting(TouchRow::kind)
                .containsExactly("T_MINUS_48H", "T_MINUS_24H", "T_MINUS_2H", "NO_SHOW_CHECK");
        assertThat(plan).extracting(TouchRow::dueAt).containsExactly(start.minus(H.multipliedBy(48)),
                start.minus(H.multipliedBy(24)), start.minus(H.multipliedBy(2)), start.plus(Duration.ofMinutes(30)));
        assertThat(plan).extracting(TouchRow::status).containsOnly("PLANNED");

        ReminderDue t48 = dispatchExactlyAt(appointment, "T_MINUS_48H", start.minus(H.multipliedBy(48)));
        TouchRow row48 = Db.touch(pool, appointment.id(), "T_MINUS_48H");
        assertThat(t48.meta().eventId()).isEqualTo(row48.id());
        assertThat(t48.idempotencyKey()).isEqualTo(row48.idempotencyKey())
                .isEqualTo(appointment.id() + ":T_MINUS_48H:" + start.minus(H.multipliedBy(48)).getEpochSecond());
        assertThat(t48.patientId()).isEqualTo(appointment.patientId());
        assertThat(t48.dueAt()).isEqualTo(start.minus(H.multipliedBy(48)));
        assertThat(t48.template()).isEqualTo("reminder.t48");
        assertThat(t48.buttons()).containsExactly("CONFIRM", "RESCHEDULE", "CANCEL");
        assertThat(t48.params()).containsEntry("doctor", Events.DOCTOR).containsEntry("time", "14:00")
                .containsEntry("date", "10 апреля").containsEntry("lead", "через 2 дня");
        assertThat(t48.params().get("text")).startsWith("Здравствуйте! У вас запись к врачу через 2 дня");
        assertThat(row48.status()).isEqualTo("SENT");
        assertThat(row48.sentAt()).isEqualTo(start.minus(H.multipliedBy(48)));

        ReminderDue t24 = dispatchExactlyAt(appointment, "T_MINUS_24H", start.minus(H.multipliedBy(24)));
        assertThat(t24.params().get("text")).startsWith("Напоминаем: завтра, 10 апреля, в 14:00");
        ReminderDue t2 = dispatchExactlyAt(appointment, "T_MINUS_2H", start.minus(H.multipliedBy(2)));
        assertThat(t2.buttons()).containsExactly("CANCEL");
        assertThat(t2.params()).containsEntry("address", Events.ADDRESS);

        // T+30m: nobody marked the arrival, so booking-service is asked to record the no-show.
        BookingStubControl.reply(appointment.id(), 200, BookingStubControl.NO_SHOW_VIEW);
        clock.set(start.plus(Duration.ofMinutes(30)).minusSeconds(1));
        jobs.runNoShowChecks();
        assertThat(BookingStubControl.calls(appointment.id())).isEmpty();
        clock.set(start.plus(Duration.ofMinutes(30)));
        jobs.runNoShowChecks();

        List<String> calls = BookingStubControl.calls(appointment.id());
        assertThat(calls).hasSize(1);
        JsonNode claims = Jwts.verifiedClaims(calls.get(0));
        assertThat(claims.path("upn").asText()).isEqualTo("reminder-service");
        assertThat(claims.path("groups").toString()).isEqualTo("[\"service\"]");
        assertThat(claims.path("iss").asText()).isEqualTo("https://yavka.local/issuer");
        assertThat(Db.touch(pool, appointment.id(), "NO_SHOW_CHECK").status()).isEqualTo("SENT");

        // The "we missed you" follow-up goes out like any touch.
        ReminderDue followup = dispatchExactlyAt(appointment, "NO_SHOW_FOLLOWUP", start.plus(Duration.ofMinutes(30)));
        assertThat(followup.template()).isEqualTo("noshow.followup");
        assertThat(followup.buttons()).containsExactly("BOOK_AGAIN");
        assertThat(followup.params().get("text")).startsWith("Мы вас не дождались на приёме 10 апреля в 14:00");

        // Later runs change nothing: each touch left exactly once.
        clock.set(start.plus(H.multipliedBy(5)));
        jobs.dispatchDue();
        jobs.runNoShowChecks();
        assertThat(inbox.sync(appointment.id())).extracting(ReminderDue::touchKind)
                .containsExactly("T_MINUS_48H", "T_MINUS_24H", "T_MINUS_2H", "NO_SHOW_FOLLOWUP");
        assertThat(BookingStubControl.calls(appointment.id())).hasSize(1);
    }

    @Test
    void bookedTwentyHoursAheadGetsOnlyTheTwoHourTouchAndTheCheck() {
        Instant start = moscow("2030-04-11T15:30");
        Appointment appointment = Appointment.at(start);
        clock.set(start.minus(H.multipliedBy(20)));
        apply(appointment.booked(clock.instant()));

        List<TouchRow> plan = Db.touches(pool, appointment.id());
        assertThat(plan).extracting(TouchRow::kind).containsExactly("T_MINUS_2H", "NO_SHOW_CHECK");
        assertThat(plan).extracting(TouchRow::dueAt)
                .containsExactly(start.minus(H.multipliedBy(2)), start.plus(Duration.ofMinutes(30)));

        clock.set(start.minus(H));
        jobs.dispatchDue();
        assertThat(inbox.sync(appointment.id())).extracting(ReminderDue::touchKind).containsExactly("T_MINUS_2H");
    }

    @Test
    void aConfirmedAppointmentSkipsTheConfirmationAsksButStillGetsTheTwoHourTouch() {
        Instant start = moscow("2030-04-12T11:00");
        Appointment appointment = Appointment.at(start);
        clock.set(start.minus(H.multipliedBy(72)));
        apply(appointment.booked(clock.instant()));
        dispatchExactlyAt(appointment, "T_MINUS_48H", start.minus(H.multipliedBy(48)));

        clock.set(start.minus(H.multipliedBy(40)));
        apply(appointment.confirmed(2, clock.instant()));

        TouchRow t48 = Db.touch(pool, appointment.id(), "T_MINUS_48H");
        assertThat(t48.answer()).isEqualTo("CONFIRMED");
        TouchRow t24 = Db.touch(pool, appointment.id(), "T_MINUS_24H");
        assertThat(t24.status()).isEqualTo("SKIPPED");
        assertThat(t24.reason()).isEqualTo("CONFIRMED");

        clock.set(start.minus(H));
        jobs.dispatchDue();
        assertThat(inbox.sync(appointment.id())).extracting(ReminderDue::touchKind)
                .containsExactly("T_MINUS_48H", "T_MINUS_2H");
    }

    @Test
    void aCancellationBetweenTouchesStopsEverythingThatWasStillToCome() {
        Instant start = moscow("2030-04-13T10:00");
        Appointment appointment = Appointment.at(start);
        clock.set(start.minus(H.multipliedBy(72)));
        apply(appointment.booked(clock.instant()));
        dispatchExactlyAt(appointment, "T_MINUS_48H", start.minus(H.multipliedBy(48)));

        clock.set(start.minus(H.multipliedBy(30)));
        apply(appointment.cancelled(2, clock.instant()));

        clock.set(start.plus(H));
        jobs.dispatchDue();
        jobs.runNoShowChecks();
        assertThat(inbox.sync(appointment.id())).extracting(ReminderDue::touchKind).containsExactly("T_MINUS_48H");
        assertThat(BookingStubControl.calls(appointment.id())).isEmpty();
        List<TouchRow> plan = Db.touches(pool, appointment.id());
        assertThat(plan).extracting(TouchRow::kind, TouchRow::status, TouchRow::answer).containsExactly(
                org.assertj.core.groups.Tuple.tuple("T_MINUS_48H", "SENT", "CANCELLED"),
                org.assertj.core.groups.Tuple.tuple("T_MINUS_24H", "CANCELLED", null),
                org.assertj.core.groups.Tuple.tuple("T_MINUS_2H", "CANCELLED", null),
                org.assertj.core.groups.Tuple.tuple("NO_SHOW_CHECK", "CANCELLED", null));
    }

    @Test
    void aRescheduleDropsTheOldTouchesAndPlansTheNewTime() {
        Instant start = moscow("2030-04-14T12:00");
        Appointment old = Appointment.at(start);
        clock.set(start.minus(H.multipliedBy(72)));
        apply(old.booked(clock.instant()));
        dispatchExactlyAt(old, "T_MINUS_48H", start.minus(H.multipliedBy(48)));

        // At T-47h the patient moves the visit three days later; booking-service sends both events.
        clock.set(start.minus(H.multipliedBy(47)));
        Appointment moved = old.movedTo(start.plus(H.multipliedBy(72)));
        apply(old.rescheduledTo(moved, 2, clock.instant()), moved.booked(clock.instant()));

        assertThat(Db.touches(pool, old.id())).extracting(TouchRow::kind, TouchRow::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("T_MINUS_48H", "SENT"),
                org.assertj.core.groups.Tuple.tuple("T_MINUS_24H", "CANCELLED"),
                org.assertj.core.groups.Tuple.tuple("T_MINUS_2H", "CANCELLED"),
                org.assertj.core.groups.Tuple.tuple("NO_SHOW_CHECK", "CANCELLED"));
        assertThat(Db.touch(pool, old.id(), "T_MINUS_48H").answer()).isEqualTo("RESCHEDULED");
        List<TouchRow> newPlan = Db.touches(pool, moved.id());
        assertThat(newPlan).extracting(TouchRow::kind)
                .containsExactly("T_MINUS_48H", "T_MINUS_24H", "T_MINUS_2H", "NO_SHOW_CHECK");
        assertThat(newPlan).extracting(TouchRow::dueAt).containsExactly(moved.start().minus(H.multipliedBy(48)),
                moved.start().minus(H.multipliedBy(24)), moved.start().minus(H.multipliedBy(2)),
                moved.start().plus(Duration.ofMinutes(30)));

        // The old T-24h moment passes without a message; the new sequence runs on its own times.
        clock.set(start.minus(H.multipliedBy(24)));
        jobs.dispatchDue();
        assertThat(inbox.sync(old.id())).extracting(ReminderDue::touchKind).containsExactly("T_MINUS_48H");
        clock.set(moved.start().minus(H.multipliedBy(48)));
        jobs.dispatchDue();
        assertThat(inbox.sync(moved.id())).extracting(ReminderDue::touchKind).containsExactly("T_MINUS_48H");
        assertThat(inbox.sync(old.id())).extracting(ReminderDue::touchKind).containsExactly("T_MINUS_48H");
    }
}
