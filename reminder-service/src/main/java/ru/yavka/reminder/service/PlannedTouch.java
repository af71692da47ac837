package ru.yavka.reminder.service;

import java.time.Instant;
import java.util.Optional;

/**
 * The planner's answer for one rule: due at {@code dueAt} (after any quiet-hours move from
 * {@code plannedDueAt}), or dropped with a reason.
 */
public record PlannedTouch(TouchRule rule, Instant plannedDueAt, Instant dueAt, Optional<String> droppedBecause) {

    public static final String QUIET_HOURS = "QUIET_HOURS";
    public static final String SUPERSEDED = "SUPERSEDED";

    static PlannedTouch due(TouchRule rule, Instant plannedDueAt, Instant dueAt) {
        return new PlannedTouch(rule, plannedDueAt, dueAt, Optional.empty());
    }

    static PlannedTouch dropped(TouchRule rule, Instant plannedDueAt, String reason) {
        return new PlannedTouch(rule, plannedDueAt, plannedDueAt, Optional.of(reason));
    }

    public boolean isDropped() {
        return droppedBecause.isPresent();
    }

    public String kind() {
        return rule.kind();
    }
}
