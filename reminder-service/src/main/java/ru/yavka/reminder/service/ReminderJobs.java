package ru.yavka.reminder.service;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.vertx.mutiny.sqlclient.Pool;

import ru.yavka.reminder.config.ReminderConfig;
import ru.yavka.reminder.messaging.EventPublisher;
import ru.yavka.reminder.repository.TouchClaims;

/**
 * The periodic work. Every replica runs the same jobs; the claim queries make sure each
 * touch is taken by one of them. The methods are public so tests can drive them with
 * their own clock instead of waiting for the scheduler.
 */
@ApplicationScoped
public class ReminderJobs {

    private static final Logger LOG = Logger.getLogger(ReminderJobs.class);

    private final TouchDispatcher dispatcher;
    private final NoShowChecker noShowChecker;
    private final Pool pool;
    private final Clock clock;
    private final ReminderConfig config;

    public ReminderJobs(Pool pool, EventPublisher publisher, Clock clock, ReminderMetrics metrics,
            ReminderConfig config, NoShowChecker noShowChecker) {
        ReminderConfig.Dispatch dispatch = config.dispatch();
        this.dispatcher = new TouchDispatcher(pool, publisher, clock, metrics, new TouchDispatcher.Settings(
                dispatch.batchSize(), dispatch.publishTimeout(), dispatch.retryBackoff()));
        this.noShowChecker = noShowChecker;
        this.pool = pool;
        this.clock = clock;
        this.config = config;
    }

    @Scheduled(identity = "reminder-dispatch", every = "${yavka.reminder.dispatch-interval:1s}",
            concurrentExecution = ConcurrentExecution.SKIP)
    void scheduledDispatch() {
        dispatchDue();
    }

    @Scheduled(identity = "reminder-no-show-checks", every = "${yavka.reminder.dispatch-interval:1s}",
            concurrentExecution = ConcurrentExecution.SKIP)
    void scheduledNoShowChecks() {
        runNoShowChecks();
    }

    /** Sends every touch due by the clock; blocking. */
    public TouchDispatcher.Result dispatchDue() {
        return dispatcher.dispatchDue();
    }

    /** Runs every no-show check due by the clock; blocking. */
    public int runNoShowChecks() {
        return noShowChecker.runDue();
    }

    /**
     * Event ids older than the retention cannot come back from Kafka any more. Even if one
     * did, the aggregate versions would keep it from changing anything.
     */
    @Scheduled(identity = "reminder-processed-event-purge", every = "1h", delayed = "5m",
            concurrentExecution = ConcurrentExecution.SKIP)
    void scheduledPurge() {
        purgeProcessedEvents();
    }

    public long purgeProcessedEvents() {
        long purged = TouchClaims.purgeProcessedEvents(pool, clock.instant().minus(config.processedEventRetention()));
        LOG.debugf("purged %d processed event ids", purged);
        return purged;
    }
}
