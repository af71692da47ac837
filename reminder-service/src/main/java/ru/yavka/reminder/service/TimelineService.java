package ru.yavka.reminder.service;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

import ru.yavka.contracts.events.DataAccessed;
import ru.yavka.contracts.events.EventMeta;
import ru.yavka.reminder.messaging.EventPublisher;
import ru.yavka.reminder.repository.Touch;
import ru.yavka.reminder.repository.TouchRepository;

/**
 * The staff view of an appointment's reminders. Which reminders a patient got about which
 * visit is personal data under 152-FZ, so every read that returns something is recorded
 * as DataAccessed first; if that record cannot be written, nothing is shown.
 */
@ApplicationScoped
public class TimelineService {

    private static final Duration AUDIT_TIMEOUT = Duration.ofSeconds(10);

    private final TouchRepository touches;
    private final EventPublisher publisher;
    private final Clock clock;

    public TimelineService(TouchRepository touches, EventPublisher publisher, Clock clock) {
        this.touches = touches;
        this.publisher = publisher;
        this.clock = clock;
    }

    public Uni<List<Touch>> timeline(UUID appointmentId, String actor, String actorRole) {
        return Panache.withSession(() -> touches.timeline(appointmentId))
                .call(list -> list.isEmpty() ? Uni.createFrom().voidItem() : audit(list.get(0), actor, actorRole));
    }

    private Uni<Void> audit(Touch any, String actor, String actorRole) {
        DataAccessed event = new DataAccessed(EventMeta.next(any.patientId.toString(), 0, clock.instant()),
                actor, actorRole, any.patientId, "reminder-timeline", any.appointmentId.toString(),
                DataAccessed.Action.READ, "treatment", "reminder-service");
        // send() may wait for broker metadata: never on the event loop.
        return Uni.createFrom().completionStage(() -> publisher.publish(any.patientId.toString(), event))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .ifNoItem().after(AUDIT_TIMEOUT).fail()
                .onFailure().transform(AuditUnavailableException::new)
                .replaceWithVoid();
    }
}
