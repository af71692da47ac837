package ru.yavka.notification.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * Fans this replica's view of the clinic's events out to the PWA pages connected to it. A page
 * that cannot keep up loses events rather than holding the others back; it refetches on
 * reconnect anyway.
 */
@ApplicationScoped
public class LiveFeed {

    private final BroadcastProcessor<LiveEvent> processor = BroadcastProcessor.create();

    public void publish(LiveEvent event) {
        processor.onNext(event);
    }

    public Multi<LiveEvent> events() {
        return processor.onOverflow().drop();
    }
}
