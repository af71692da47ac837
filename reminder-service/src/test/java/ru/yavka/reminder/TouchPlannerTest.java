package ru.yavka.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import ru.yavka.reminder.service.PlannedTouch;
import ru.yavka.reminder.service.QuietHours;
import ru.yavka.reminder.service.TouchPlanner;
import ru.yavka.reminder.service.TouchRule;

/** The planner is pure: start, now and the rules in, due times out. */
class TouchPlannerTest {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final List<String> ASK = List.of("CONFIRM", "RESCHEDULE", "CANCEL");
    static final List<TouchRule> STANDARD = List.of(
            new TouchRule("T_MINUS_48H", Duration.ofHours(-48), "reminder.t48", ASK),
            new TouchRule("T_MINUS_24H", Duration.ofHours(-24), "reminder.t24", ASK),
            new TouchRule("T_MINUS_2H", Duration.ofHours(-2), "reminder.t2", List.of("CANCEL")),
            new TouchRule("NO_SHOW_CHECK", Duration.ofMinutes(30), null, List.of()));

    final TouchPlanner planner = new TouchPlanner(
            new QuietHours(true, LocalTime.of(22, 0), LocalTime.of(8, 0), MOSCOW));

    static Instant msk(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(MOSCOW).toInstant();
    }

    static Map<String, PlannedTouch> byKind(List<PlannedTouch> plan) {
        return plan.stream().collect(Collectors.toMap(PlannedTouch::kind, Function.identity()));
    }

    @Test
    void bookedThreeDaysAheadGetsEveryTouchAtItsOffset() {
        Instant start = msk("2030-03-14T14:00");
        List<PlannedTouch> plan = planner.plan(start, start.minus(Duration.ofHours(72)), STANDARD);

        assertThat(plan).extracting(PlannedTouch::kind)
                .containsExactly("T_MINUS_48H", "T_MINUS_24H", "T_MINUS_2H", "NO_SHOW_CHECK");
        assertThat(plan).extracting(PlannedTouch::dueAt).containsExactly(
                msk("2030-03-12T14:00"), msk("2030-03-13T14:00"), msk("2030-03-14T12:00"), msk("2030-03-14T14:30"));
        assertThat(plan).noneMatch(PlannedTouch::isDropped);
    }

    @Test
    void bookedTwentyHoursAheadGetsOnlyTheTwoHourTouchAndTheCheck() {
        Instant start = msk("2030-03-14T14:00");
        List<PlannedTouch> plan = planner.plan(start, start.minus(Duration.ofHours(20)), STANDARD);

        assertThat(plan).extracting(PlannedTouch::kind).containsExactly("T_MINUS_2H", "NO_SHOW_CHECK");
        assertThat(plan).extracting(PlannedTouch::dueAt).containsExactly(msk("2030-03-14T12:00"), msk("2030-03-14T14:30"));
    }

    @Test
    void aTouchDueExactlyNowIsAlreadyPast() {
        Instant start = msk("2030-03-14T14:00");
        List<PlannedTouch> plan = planner.plan(start, start.minus(Duration.ofHours(24)), STANDARD);
        assertThat(plan).extracting(PlannedTouch::kind).containsExactly("T_MINUS_2H", "NO_SHOW_CHECK");
    }

    @Test
    void afterTheCheckTimeNothingIsLeft() {
        Instant start = msk("2030-03-14T14:00");
        assertThat(planner.plan(start, start.plus(Duration.ofMinutes(30)), STANDARD)).isEmpty();
        assertThat(planner.plan(start, start.plus(Duration.ofMinutes(10)), STANDARD))
                .extracting(PlannedTouch::kind).containsExactly("NO_SHOW_CHECK");
    }

    @Test
    void aLateEveningTouchMovesBackToTheLastAllowedMinute() {
        // 09:30 visit: T-2h is 07:30 (quiet); 21:59 the evening before is 9.5 h back, 08:00 is 0.5 h ahead.
        Instant start = msk("2030-03-14T09:30");
        Map<String, PlannedTouch> plan = byKind(planner.plan(start, msk("2030-03-10T12:00"), STANDARD));

        assertThat(plan.get("T_MINUS_2H").dueAt()).isEqualTo(msk("2030-03-14T08:00"));
        assertThat(plan.get("T_MINUS_2H").plannedDueAt()).isEqualTo(msk("2030-03-14T07:30"));

        // 23:30 visit: T-2h at 21:30 is allowed; T-24h and T-48h at 23:30 go back to 21:59 (1.5 h), not on to 08:00.
        Instant late = msk("2030-03-14T23:30");
        Map<String, PlannedTouch> latePlan = byKind(planner.plan(late, msk("2030-03-10T12:00"), STANDARD));
        assertThat(latePlan.get("T_MINUS_2H").dueAt()).isEqualTo(msk("2030-03-14T21:30"));
        assertThat(latePlan.get("T_MINUS_24H").dueAt()).isEqualTo(msk("2030-03-13T21:59"));
        assertThat(latePlan.get("T_MINUS_48H").dueAt()).isEqualTo(msk("2030-03-12T21:59"));
        assertThat(latePlan.get("NO_SHOW_CHECK").dueAt()).isEqualTo(msk("2030-03-15T00:00"));
    }

    @Test
    void aTouchWithNoAllowedMomentLeftBeforeTheVisitIsDropped() {
        // Booked at 23:00 for 08:00: T-2h (06:00) cannot go back (21:59 has passed) nor forward (08:00 is the visit).
        Instant start = msk("2030-03-14T08:00");
        Map<String, PlannedTouch> plan = byKind(planner.plan(start, msk("2030-03-13T23:00"), STANDARD));

        assertThat(plan.get("T_MINUS_2H").isDropped()).isTrue();
        assertThat(plan.get("T_MINUS_2H").droppedBecause()).contains(PlannedTouch.QUIET_HOURS);
        assertThat(plan.get("NO_SHOW_CHECK").dueAt()).isEqualTo(msk("2030-03-14T08:30"));
        assertThat(plan).doesNotContainKeys("T_MINUS_48H", "T_MINUS_24H");
    }

    @Test
    void theNoShowCheckIsNotAMessageAndIgnoresQuietHours() {
        Instant start = msk("2030-03-14T21:45");
        Map<String, PlannedTouch> plan = byKind(planner.plan(start, msk("2030-03-10T12:00"), STANDARD));
        assertThat(plan.get("NO_SHOW_CHECK").dueAt()).isEqualTo(msk("2030-03-14T22:15"));
    }

    @Test
    void aMoveThatWouldCollideWithTheNextTouchDropsTheEarlierOne() {
        // A tier with touches 2 h apart around the night: 08:00 visit, T-10h at 22:00 and T-9h at 23:00.
        List<TouchRule> dense = List.of(
                new TouchRule("T_MINUS_10H", Duration.ofHours(-10), "reminder.t24", ASK),
                new TouchRule("T_MINUS_9H", Duration.ofHours(-9), "reminder.t2", List.of("CANCEL")));
        Map<String, PlannedTouch> plan = byKind(planner.plan(msk("2030-03-14T08:00"), msk("2030-03-12T12:00"), dense));

        assertThat(plan.get("T_MINUS_9H").dueAt()).isEqualTo(msk("2030-03-13T21:59"));
        assertThat(plan.get("T_MINUS_10H").droppedBecause()).contains(PlannedTouch.SUPERSEDED);
    }

    @Test
    void quietHoursCanBeSwitchedOffOrSetWithinADay() {
        Instant start = msk("2030-03-14T09:30");
        TouchPlanner noQuiet = new TouchPlanner(QuietHours.none(MOSCOW));
        assertThat(byKind(noQuiet.plan(start, msk("2030-03-10T12:00"), STANDARD)).get("T_MINUS_2H").dueAt())
                .isEqualTo(msk("2030-03-14T07:30"));

        QuietHours lunch = new QuietHours(true, LocalTime.of(13, 0), LocalTime.of(15, 0), MOSCOW);
        assertThat(lunch.isQuiet(msk("2030-03-14T13:00"))).isTrue();
        assertThat(lunch.isQuiet(msk("2030-03-14T15:00"))).isFalse();
        assertThat(lunch.isQuiet(msk("2030-03-14T23:00"))).isFalse();
        // 16:30 visit, T-2h at 14:30: 15:00 is half an hour on, 12:59 ninety-one minutes back.
        assertThat(new TouchPlanner(lunch).plan(msk("2030-03-14T16:30"), msk("2030-03-10T12:00"), STANDARD).stream()
                .filter(p -> p.kind().equals("T_MINUS_2H")).findFirst().orElseThrow().dueAt())
                .isEqualTo(msk("2030-03-14T15:00"));
    }

    @Test
    void nextAllowedIsTheEndOfTheQuietPeriod() {
        QuietHours night = new QuietHours(true, LocalTime.of(22, 0), LocalTime.of(8, 0), MOSCOW);
        assertThat(night.nextAllowed(msk("2030-03-14T22:20"))).isEqualTo(msk("2030-03-15T08:00"));
        assertThat(night.nextAllowed(msk("2030-03-15T03:00"))).isEqualTo(msk("2030-03-15T08:00"));
        assertThat(night.nextAllowed(msk("2030-03-15T14:30"))).isEqualTo(msk("2030-03-15T14:30"));
        assertThat(night.isQuiet(msk("2030-03-15T21:59"))).isFalse();
        assertThat(night.isQuiet(msk("2030-03-15T22:00"))).isTrue();
        assertThat(night.isQuiet(msk("2030-03-16T07:59"))).isTrue();
        assertThat(night.isQuiet(msk("2030-03-16T08:00"))).isFalse();
    }
}
