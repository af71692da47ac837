package ru.yavka.reminder.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * The hours when no message may reach a patient, e.g. 22:00-08:00 Europe/Moscow. The window
 * may cross midnight. Resolution is one minute: the last allowed moment before 22:00 is 21:59.
 */
public final class QuietHours {

    static final Duration LAST_MINUTE = Duration.ofMinutes(1);

    private final boolean enabled;
    private final LocalTime start;
    private final LocalTime end;
    private final ZoneId zone;

    public QuietHours(boolean enabled, LocalTime start, LocalTime end, ZoneId zone) {
        this.enabled = enabled && !start.equals(end);
        this.start = start;
        this.end = end;
        this.zone = zone;
    }

    public static QuietHours none(ZoneId zone) {
        return new QuietHours(false, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, zone);
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isQuiet(Instant instant) {
        if (!enabled) {
            return false;
        }
        LocalTime t = instant.atZone(zone).toLocalTime();
        return start.isBefore(end)
                ? !t.isBefore(start) && t.isBefore(end)
                : !t.isBefore(start) || t.isBefore(end);
    }

    /**
     * Where a touch due at {@code due} may go: unchanged if allowed, otherwise the nearer of the
     * last allowed minute before the quiet period and its end, keeping only moments after
     * {@code now} and before {@code visit}. Empty when neither is left. On a tie the later
     * moment wins, as it is closer to the visit.
     */
    public Optional<Instant> fit(Instant due, Instant now, Instant visit) {
        if (!isQuiet(due)) {
            return Optional.of(due);
        }
        ZonedDateTime periodStart = periodStart(due);
        Instant earlier = periodStart.toInstant().minus(LAST_MINUTE);
        Instant later = periodEnd(periodStart).toInstant();
        boolean earlierOk = earlier.isAfter(now) && earlier.isBefore(visit);
        boolean laterOk = later.isAfter(now) && later.isBefore(visit);
        if (earlierOk && laterOk) {
            Duration back = Duration.between(earlier, due);
            Duration forward = Duration.between(due, later);
            return Optional.of(back.compareTo(forward) < 0 ? earlier : later);
        }
        if (laterOk) {
            return Optional.of(later);
        }
        return earlierOk ? Optional.of(earlier) : Optional.empty();
    }

    /** The first allowed moment at or after {@code instant} (for messages that have no visit ahead). */
    public Instant nextAllowed(Instant instant) {
        return isQuiet(instant) ? periodEnd(periodStart(instant)).toInstant() : instant;
    }

    private ZonedDateTime periodStart(Instant quietInstant) {
        ZonedDateTime at = quietInstant.atZone(zone);
        ZonedDateTime candidate = at.with(start);
        return candidate.isAfter(at) ? candidate.minusDays(1).with(start) : candidate;
    }

    private ZonedDateTime periodEnd(ZonedDateTime periodStart) {
        ZonedDateTime candidate = periodStart.with(end);
        return candidate.isAfter(periodStart) ? candidate : candidate.plusDays(1).with(end);
    }
}
