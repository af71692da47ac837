package ru.yavka.reminder.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.vertx.mutiny.sqlclient.Pool;

import ru.yavka.reminder.config.ReminderConfig;
import ru.yavka.reminder.repository.Touch;
import ru.yavka.reminder.repository.TouchClaims;
import ru.yavka.reminder.repository.TouchClaims.DueCheck;

/**
 * The T+30m check. A check still PLANNED at its time means nobody marked the patient as
 * arrived (an arrival skips it), so booking-service is asked to make the appointment
 * NO_SHOW; it then emits NoShowDetected, SlotReleased and the waitlist offer. After that
 * the patient gets the "we missed you" follow-up, as an ordinary touch of this service.
 */
@ApplicationScoped
public class NoShowChecker {

    private static final Logger LOG = Logger.getLogger(NoShowChecker.class);

    private final Pool pool;
    private final BookingGateway booking;
    private final Clock clock;
    private final TierPolicies policies;
    private final ReminderMetrics metrics;
    private final ReminderConfig.NoShow settings;

    public NoShowChecker(Pool pool, BookingGateway booking, Clock clock, TierPolicies policies,
            ReminderMetrics metrics, ReminderConfig config) {
        this.pool = pool;
        this.booking = booking;
        this.clock = clock;
        this.policies = policies;
        this.metrics = metrics;
        this.settings = config.noShow();
    }

    /** Runs every due check once; returns how many were leased. */
    public int runDue() {
        Instant now = clock.instant();
        List<DueCheck> due = TouchClaims.leaseDueChecks(pool, now, now.plus(settings.lease()), settings.batchSize());
        for (DueCheck check : due) {
            settle(check, booking.markNoShow(check.appointmentId()));
        }
        return due.size();
    }

    private void settle(DueCheck check, NoShowOutcome outcome) {
        Instant now = clock.instant();
        switch (outcome.kind()) {
            case MARKED, ALREADY_NO_SHOW -> recordNoShow(check, outcome, now);
            case NOT_APPLICABLE, UNKNOWN_APPOINTMENT ->
                TouchClaims.close(pool, check.id(), "SKIPPED", outcome.detail(), null);
            case NOT_STARTED, RETRY_LATER ->
                TouchClaims.postpone(pool, List.of(check.id()), now.plus(settings.retryDelay()), outcome.detail(), false);
        }
    }

    /** The check and the follow-up message in one transaction: both or neither. */
    private void recordNoShow(DueCheck check, NoShowOutcome outcome, Instant now) {
        String template = settings.followupTemplate();
        Instant followupAt = policies.quietHours().nextAllowed(now);
        ReminderTexts.Visit visit = new ReminderTexts.Visit(check.doctorName(), check.specialty(), check.address(),
                check.startAt());
        String params = ParamsJson.write(policies.texts().params(template, visit, followupAt));
        boolean closed = TouchClaims.inTransaction(pool, conn -> {
            if (!TouchClaims.close(conn, check.id(), "SENT", outcome.kind().name(), now)) {
                return false;
            }
            TouchClaims.insertFollowup(conn, UUID.randomUUID(), check.appointmentId(), check.patientId(),
                    TouchRule.NO_SHOW_FOLLOWUP, followupAt, template, params,
                    String.join(",", settings.followupButtons()),
                    Touch.idempotencyKey(check.appointmentId(), TouchRule.NO_SHOW_FOLLOWUP, followupAt), now);
            return true;
        });
        if (closed && outcome.kind() == NoShowOutcome.Kind.MARKED) {
            metrics.noShow();
        }
        LOG.infof("appointment %s: no-show (%s), follow-up due %s", check.appointmentId(), outcome.kind(), followupAt);
    }
}
