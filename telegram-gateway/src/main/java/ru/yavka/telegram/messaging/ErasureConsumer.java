package ru.yavka.telegram.messaging;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Blocking;
import ru.yavka.contracts.events.PatientErasureRequested;
import ru.yavka.telegram.service.PatientErasure;

/**
 * PatientErasureRequested from booking-service. The method returns only once the erasure and
 * its confirmation are committed, so the offset is never committed for an erasure not done.
 */
@ApplicationScoped
public class ErasureConsumer {

    private static final Logger LOG = Logger.getLogger(ErasureConsumer.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final PatientErasure erasure;

    public ErasureConsumer(PatientErasure erasure) {
        this.erasure = erasure;
    }

    @Incoming("patient-erasure-requested")
    @Blocking
    public void erase(PatientErasureRequested request) {
        if (request == null || request.patientId() == null) {
            LOG.warn("an unreadable PatientErasureRequested record skipped");
            return;
        }
        Duration backoff = Duration.ofMillis(100);
        while (true) {
            try {
                boolean done = erasure.erase(request);
                LOG.infof("erasure request %s for patient %s: %s", request.meta().eventId(), request.patientId(),
                        done ? "erased" : "done before");
                return;
            } catch (RuntimeException e) {
                LOG.warnf("erasure request %s failed, retrying: %s", request.meta().eventId(), e.toString());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while erasing; the offset stays uncommitted", e);
        }
    }
}
