package ru.yavka.reminder.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Pure planning: which touches of a sequence an appointment gets, and when. No I/O, no clock
 * of its own: the caller says what "now" is.
 */
public final class TouchPlanner {

    private final QuietHours quietHours;

    public TouchPlanner(QuietHours quietHours) {
        this.quietHours = quietHours;
    }

    /**
     * Touches still ahead of {@code now}, ordered by due time. A touch already in the past is
     * left out (booked 20 h ahead: no "in 2 days"). A message that falls into quiet hours
     * moves to the nearest allowed moment still before the visit, or comes back dropped.
     * The no-show check is not a message and never moves.
     */
    public List<PlannedTouch> plan(Instant start, Instant now, List<TouchRule> rules) {
        List<PlannedTouch> messages = new ArrayList<>();
        List<PlannedTouch> result = new ArrayList<>();
        for (TouchRule rule : rules) {
            Instant due = start.plus(rule.offset());
            if (!due.isAfter(now)) {
                continue;
            }
            if (rule.isNoShowCheck()) {
                result.add(PlannedTouch.due(rule, due, due));
                continue;
            }
            Optional<Instant> fitted = quietHours.fit(due, now, start);
            messages.add(fitted.map(at -> PlannedTouch.due(rule, due, at))
                    .orElseGet(() -> PlannedTouch.dropped(rule, due, PlannedTouch.QUIET_HOURS)));
        }
        result.addAll(dropOvertaken(messages));
        result.sort(Comparator.comparing(PlannedTouch::dueAt));
        return result;
    }

    /**
     * A move out of quiet hours can bring a touch level with (or past) the next one; the
     * patient would then get two messages at once or an "in 2 days" after "tomorrow". The
     * touch closer to the visit wins.
     */
    private static List<PlannedTouch> dropOvertaken(List<PlannedTouch> messages) {
        List<PlannedTouch> byOffset = new ArrayList<>(messages);
        byOffset.sort(Comparator.comparing((PlannedTouch p) -> p.rule().offset()).reversed());
        List<PlannedTouch> kept = new ArrayList<>();
        Instant nextDue = null;
        for (PlannedTouch touch : byOffset) {
            if (touch.isDropped()) {
                kept.add(touch);
            } else if (nextDue != null && !touch.dueAt().isBefore(nextDue)) {
                kept.add(PlannedTouch.dropped(touch.rule(), touch.plannedDueAt(), PlannedTouch.SUPERSEDED));
            } else {
                kept.add(touch);
                nextDue = touch.dueAt();
            }
        }
        return kept;
    }
}
