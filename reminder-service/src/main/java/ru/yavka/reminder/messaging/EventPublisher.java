package ru.yavka.reminder.messaging;

import java.util.concurrent.CompletableFuture;

import ru.yavka.contracts.events.YavkaEvent;

/** Writes one event to its topic; the future completes when the broker has acknowledged it. */
public interface EventPublisher {

    CompletableFuture<Void> publish(String key, YavkaEvent event);
}
