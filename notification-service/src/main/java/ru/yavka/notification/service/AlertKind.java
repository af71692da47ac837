package ru.yavka.notification.service;

import java.time.Duration;
import java.util.List;

/**
 * What staff are pushed, and to whom. Alerts about one doctor's patients go to the front desk,
 * the administrator and the staff who follow that doctor; clinic-wide trouble goes to the desk
 * and the administrator. Auditors are never pushed.
 */
public enum AlertKind {

    TELEGRAM_BOOKING("normal", Duration.ofHours(12), StaffRole.DESK_AND_DOCTORS),
    /** The visit is less than 24 h away: the slot needs filling now. */
    LATE_CANCELLATION("high", Duration.ofHours(6), StaffRole.DESK_AND_DOCTORS),
    NO_SHOW("normal", Duration.ofHours(4), StaffRole.DESK_AND_DOCTORS),
    WAITLIST_ACCEPTED("normal", Duration.ofHours(12), StaffRole.DESK_AND_DOCTORS),
    BREAKER_OPENED("high", Duration.ofHours(1), StaffRole.DESK),
    TRIAGE_EMERGENCY("high", Duration.ofHours(1), StaffRole.DESK),
    /** A member of staff checking their own devices. */
    TEST("normal", Duration.ofMinutes(10), List.of());

    private final String urgency;
    private final Duration ttl;
    private final List<String> audience;

    AlertKind(String urgency, Duration ttl, List<String> audience) {
        this.urgency = urgency;
        this.ttl = ttl;
        this.audience = audience;
    }

    /** RFC 8030 Urgency: how eagerly a device on battery should wake up for it. */
    public String urgency() {
        return urgency;
    }

    /** How long the push service keeps it for an offline device; stale news is not worth a buzz. */
    public Duration ttl() {
        return ttl;
    }

    public List<String> audience() {
        return audience;
    }
}
