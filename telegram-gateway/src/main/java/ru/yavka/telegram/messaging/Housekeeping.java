package ru.yavka.telegram.messaging;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.sqlclient.Tuple;
import ru.yavka.telegram.repository.ButtonPresses;
import ru.yavka.telegram.repository.Db;
import ru.yavka.telegram.repository.OutgoingQueue;

/**
 * Old rows go: finished queue rows after 30 days (long past any redelivery of their event),
 * button presses after 30 days, published outbox rows after 7.
 */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);

    private final OutgoingQueue queue;
    private final ButtonPresses presses;
    private final Db db;
    private final Clock clock;

    public Housekeeping(OutgoingQueue queue, ButtonPresses presses, Db db, Clock clock) {
        this.queue = queue;
        this.presses = presses;
        this.db = db;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        try {
            queue.purgeFinishedBefore(clock.instant().minus(Duration.ofDays(30)));
            presses.purgeBefore(clock.instant().minus(Duration.ofDays(30)));
            db.query("DELETE FROM outbox_event WHERE published_at < now() - interval '7 days'", Tuple.tuple());
        } catch (RuntimeException e) {
            LOG.warnf("housekeeping failed, will retry: %s", e.toString());
        }
    }
}
