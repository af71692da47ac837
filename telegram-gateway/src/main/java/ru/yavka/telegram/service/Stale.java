package ru.yavka.telegram.service;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the appointment state out of booking-service's 409 detail ("… is cancelled (отменена) …"). */
final class Stale {

    private static final Pattern STATE = Pattern.compile("\\bis ([a-z_]+) \\(");

    private Stale() {
    }

    /** The key of the text that tells the patient why nothing was done. */
    static String textKey(String detail) {
        return state(detail).map(s -> "stale." + s).orElse("stale.CHANGED");
    }

    static Optional<String> state(String detail) {
        if (detail == null) {
            return Optional.empty();
        }
        if (detail.contains("already been rescheduled")) {
            return Optional.of("RESCHEDULED");
        }
        if (detail.contains("already started")) {
            return Optional.of("STARTED");
        }
        Matcher m = STATE.matcher(detail);
        return m.find() ? Optional.of(m.group(1).toUpperCase(Locale.ROOT)) : Optional.empty();
    }
}
