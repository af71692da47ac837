package ru.yavka.notification.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import ru.yavka.contracts.events.YavkaEvent;
import ru.yavka.notification.config.NotificationConfig;
import ru.yavka.notification.service.LiveEvent;
import ru.yavka.notification.service.LiveFeed;

/**
 * The same events again, in a consumer group of this replica's own and from the latest
 * offset: every replica must see every event to tell the pages connected to it, which the
 * shared group (one replica per partition) would not give.
 */
@ApplicationScoped
public class LiveEventsConsumer {

    private final LiveFeed feed;
    private final NotificationConfig config;

    public LiveEventsConsumer(LiveFeed feed, NotificationConfig config) {
        this.feed = feed;
        this.config = config;
    }

    @Incoming("live-events")
    public void on(YavkaEvent event) {
        LiveEvent live = LiveEvent.of(event, config.clinicZone());
        if (live != null) {
            feed.publish(live);
        }
    }
}
