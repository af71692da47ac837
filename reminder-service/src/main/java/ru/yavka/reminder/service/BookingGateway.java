package ru.yavka.reminder.service;

import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.FallbackHandler;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import ru.yavka.reminder.client.BookingClient;
import ru.yavka.reminder.client.BookingRejection;
import ru.yavka.reminder.service.NoShowOutcome.Kind;

/**
 * The no-show call with its guard rails: the client retries and breaks the circuit; here a
 * time limit for the whole attempt and a fallback that turns any failure into "ask again
 * later", so a check is never lost because booking-service was away.
 */
@ApplicationScoped
public class BookingGateway {

    private static final Logger LOG = Logger.getLogger(BookingGateway.class);

    private final BookingClient client;

    public BookingGateway(@RestClient BookingClient client) {
        this.client = client;
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Fallback(BookingUnreachable.class)
    public NoShowOutcome markNoShow(UUID appointmentId) {
        try {
            client.markNoShow(appointmentId);
            return NoShowOutcome.of(Kind.MARKED, "NO_SHOW");
        } catch (BookingRejection rejection) {
            return classify(appointmentId, rejection);
        }
    }

    public static NoShowOutcome classify(UUID appointmentId, BookingRejection rejection) {
        return switch (rejection.status()) {
            case 409 -> rejection.appointmentStatus()
                    .map(status -> "NO_SHOW".equals(status)
                            ? NoShowOutcome.of(Kind.ALREADY_NO_SHOW, status)
                            : NoShowOutcome.of(Kind.NOT_APPLICABLE, status))
                    .orElseGet(() -> NoShowOutcome.of(Kind.NOT_APPLICABLE, "CONFLICT"));
            case 404 -> NoShowOutcome.of(Kind.UNKNOWN_APPOINTMENT, "UNKNOWN_TO_BOOKING");
            case 422 -> NoShowOutcome.of(Kind.NOT_STARTED, rejection.getMessage());
            default -> {
                // 400/401/403 mean a bug or a key mismatch on our side; keep the check and shout.
                LOG.errorf("booking-service refused the no-show for %s: %s", appointmentId, rejection.getMessage());
                yield NoShowOutcome.of(Kind.RETRY_LATER, rejection.getMessage());
            }
        };
    }

    /** Retries exhausted, circuit open or timed out. */
    public static class BookingUnreachable implements FallbackHandler<NoShowOutcome> {

        @Override
        public NoShowOutcome handle(ExecutionContext context) {
            LOG.warnf("booking-service unreachable for no-show of %s: %s", context.getParameters()[0],
                    String.valueOf(context.getFailure()));
            return NoShowOutcome.of(Kind.RETRY_LATER, String.valueOf(context.getFailure()));
        }
    }
}
