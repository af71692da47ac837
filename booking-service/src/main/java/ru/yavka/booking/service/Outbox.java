package ru.yavka.booking.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import ru.yavka.booking.repository.OutboxEvent;
import ru.yavka.booking.repository.OutboxRepository;
import ru.yavka.contracts.events.YavkaEvent;
import ru.yavka.contracts.kafka.EventJson;
import ru.yavka.contracts.kafka.Topics;

/** Writes an event into the caller's transaction; it reaches Kafka only if that transaction commits. */
@ApplicationScoped
public class Outbox {

    private final OutboxRepository repository;

    public Outbox(OutboxRepository repository) {
        this.repository = repository;
    }

    public Uni<Void> append(YavkaEvent event) {
        OutboxEvent row = new OutboxEvent();
        row.eventId = event.meta().eventId();
        row.topic = Topics.of(event);
        row.aggregateId = event.meta().aggregateId();
        row.aggregateVersion = event.meta().aggregateVersion();
        row.payload = EventJson.toJson(event);
        row.createdAt = event.meta().occurredAt();
        return repository.persist(row).replaceWithVoid();
    }
}
