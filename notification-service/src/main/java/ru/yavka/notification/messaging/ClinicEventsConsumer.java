package ru.yavka.notification.messaging;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import ru.yavka.contracts.events.YavkaEvent;
import ru.yavka.notification.service.ClinicEventHandler;

/**
 * booking-service's events, in this service's consumer group: each is applied once across the
 * replicas. The offset is committed after the returned Uni completes, i.e. after the
 * transaction that applied the event; a failing database is waited out with backoff.
 */
@ApplicationScoped
public class ClinicEventsConsumer {

    private static final Logger LOG = Logger.getLogger(ClinicEventsConsumer.class);

    private final ClinicEventHandler handler;

    public ClinicEventsConsumer(ClinicEventHandler handler) {
        this.handler = handler;
    }

    @Incoming("clinic-events")
    public Uni<Void> on(YavkaEvent event) {
        return Uni.createFrom().deferred(() -> handler.handle(event))
                .onFailure().invoke(e -> LOG.warnf("could not apply %s %s, retrying: %s",
                        event.getClass().getSimpleName(), event.meta().eventId(), e.toString()))
                .onFailure().retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(30)).atMost(20);
    }
}
