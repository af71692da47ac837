package ru.yavka.reminder.support;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import io.vertx.mutiny.sqlclient.Pool;

import ru.yavka.contracts.events.YavkaEvent;
import ru.yavka.reminder.service.ReminderJobs;

/** What the @QuarkusTests share: the clock, the jobs, the database, booking's events in and ReminderDue out. */
public abstract class ReminderTestBase {

    public static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    protected static Events events;
    protected static ReminderInbox inbox;

    @Inject
    protected TestClock clock;

    @Inject
    protected ReminderJobs jobs;

    @Inject
    protected Pool pool;

    @BeforeAll
    static void openKafka() {
        events = Events.forRun();
        inbox = ReminderInbox.open();
    }

    @AfterAll
    static void closeKafka() throws InterruptedException {
        events.close();
        inbox.close();
    }

    /** A moment given in Moscow wall-clock time. */
    protected static Instant moscow(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(MOSCOW).toInstant();
    }

    /** Sends the events in this order, each after the previous one was applied (or dropped) by the service. */
    protected void apply(YavkaEvent... sequence) {
        for (YavkaEvent event : sequence) {
            events.send(event);
            awaitProcessed(event);
        }
    }

    protected void awaitProcessed(YavkaEvent event) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> Db.processed(pool, event.meta().eventId()));
    }
}
