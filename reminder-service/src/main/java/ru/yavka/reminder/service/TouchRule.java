package ru.yavka.reminder.service;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One step of a tier's sequence: a message to the patient at {@code start + offset}, or the
 * no-show check (kind {@value #NO_SHOW_CHECK}) after the start.
 */
public record TouchRule(String kind, Duration offset, String template, List<String> buttons) {

    public static final String NO_SHOW_CHECK = "NO_SHOW_CHECK";
    public static final String NO_SHOW_FOLLOWUP = "NO_SHOW_FOLLOWUP";
    public static final List<String> KNOWN_BUTTONS = List.of("CONFIRM", "RESCHEDULE", "CANCEL", "BOOK_AGAIN");

    public TouchRule {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(offset, "offset");
        buttons = buttons == null ? List.of() : List.copyOf(buttons);
    }

    public boolean isNoShowCheck() {
        return NO_SHOW_CHECK.equals(kind);
    }

    /** A confirmed appointment skips the touches that ask for a confirmation. */
    public boolean asksConfirmation() {
        return buttons.contains("CONFIRM");
    }
}
