package ru.yavka.telegram.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pengrad.telegrambot.model.request.InlineKeyboardMarkup;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import ru.yavka.contracts.events.DataAccessed;
import ru.yavka.telegram.bot.CompactIds;
import ru.yavka.telegram.bot.RateLimiter;
import ru.yavka.telegram.bot.TelegramApi;
import ru.yavka.telegram.bot.TelegramApi.Outcome;
import ru.yavka.telegram.client.BookingViews.Doctor;
import ru.yavka.telegram.config.TelegramConfig;
import ru.yavka.telegram.repository.ConsentWithdrawals;
import ru.yavka.telegram.repository.OutgoingQueue;
import ru.yavka.telegram.repository.OutgoingQueue.Claimed;
import ru.yavka.telegram.service.AuditTrail;
import ru.yavka.telegram.service.Catalog;
import ru.yavka.telegram.service.Recipients;
import ru.yavka.telegram.service.Texts;
import ru.yavka.telegram.service.Ui;
import ru.yavka.telegram.service.Visits;

/**
 * Drains the outgoing queue at Telegram's pace: each message waits for its turn in the shared
 * rate schedule (overall and per chat), then goes out on a small pool of senders. A 429 puts the
 * message back for retry_after and pauses all sending as long; other transient failures back
 * off; a refusal (blocked bot, unknown chat) ends the message as FAILED. A burst of any size is
 * paced, never dropped.
 */
@ApplicationScoped
public class OutgoingSender {

    private static final Logger LOG = Logger.getLogger(OutgoingSender.class);

    private final OutgoingQueue queue;
    private final TelegramApi api;
    private final RateLimiter limiter;
    private final Recipients recipients;
    private final ConsentWithdrawals withdrawals;
    private final Catalog catalog;
    private final Visits visits;
    private final Texts texts;
    private final Ui ui;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final TelegramConfig config;
    private final Clock clock;
    private final Counter sent;
    private final Counter throttled;
    private final Object signal = new Object();
    private volatile boolean running;
    private volatile boolean wakeRequested;
    private ExecutorService senders;
    private Semaphore inFlight;
    private Thread drainer;

    public OutgoingSender(OutgoingQueue queue, TelegramApi api, RateLimiter limiter, Recipients recipients,
            ConsentWithdrawals withdrawals, Catalog catalog, Visits visits, Texts texts, Ui ui, AuditTrail audit,
            ObjectMapper json, TelegramConfig config, Clock clock, MeterRegistry registry) {
        this.queue = queue;
        this.api = api;
        this.limiter = limiter;
        this.recipients = recipients;
        this.withdrawals = withdrawals;
        this.catalog = catalog;
        this.visits = visits;
        this.texts = texts;
        this.ui = ui;
        this.audit = audit;
        this.json = json;
        this.config = config;
        this.clock = clock;
        this.sent = registry.counter("telegram.outgoing.sent");
        this.throttled = registry.counter("telegram.outgoing.throttled");
    }

    void onStart(@Observes StartupEvent event) {
        if (!api.enabled() || !config.sender().enabled()) {
            return;
        }
        int threads = config.sender().threads();
        AtomicInteger n = new AtomicInteger();
        senders = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "telegram-sender-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        inFlight = new Semaphore(threads * 2);
        running = true;
        drainer = new Thread(this::drain, "telegram-queue-drainer");
        drainer.setDaemon(true);
        drainer.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        wake();
        if (senders != null) {
            senders.shutdown();
            try {
                senders.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** New rows were queued: look now rather than at the next poll. */
    public void wake() {
        synchronized (signal) {
            wakeRequested = true;
            signal.notifyAll();
        }
    }

    private void drain() {
        Duration backoff = Duration.ofMillis(200);
        while (running) {
            List<Claimed> batch;
            try {
                batch = queue.claim(clock.instant(), config.sender().batchSize(), config.sender().lease());
                backoff = Duration.ofMillis(200);
            } catch (RuntimeException e) {
                LOG.warnf("outgoing queue not readable, retrying: %s", e.toString());
                idle(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5)
                        : backoff.multipliedBy(2);
                continue;
            }
            if (batch.isEmpty()) {
                idle(config.sender().pollInterval());
                continue;
            }
            for (Claimed message : batch) {
                if (!running) {
                    return;
                }
                try {
                    dispatch(message);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    // booking-service or the database could not help now; the message waits.
                    retry(message, e.getClass().getSimpleName());
                }
            }
        }
    }

    private void dispatch(Claimed message) throws InterruptedException {
        Instant now = clock.instant();
        if (withdrawals.openForPatient(message.patientId())) {
            queue.finish(message.id(), "SKIPPED", "consent withdrawn", now);
            return;
        }
        Optional<Long> chat = recipients.chatOf(message.patientId());
        if (chat.isEmpty()) {
            queue.finish(message.id(), "SKIPPED", "patient has no Telegram chat", now);
            return;
        }
        long chatId = chat.get();
        Optional<Composed> composed = compose(message, chatId, now);
        if (composed.isEmpty()) {
            queue.finish(message.id(), "SKIPPED", "out of date", now);
            return;
        }
        inFlight.acquire();
        try {
            limiter.sleepUntil(limiter.reserve(chatId, true));
            senders.execute(() -> {
                try {
                    deliver(message, chatId, composed.get());
                } catch (RuntimeException e) {
                    retry(message, e.getClass().getSimpleName());
                } finally {
                    inFlight.release();
                }
            });
        } catch (RuntimeException | InterruptedException e) {
            inFlight.release();
            throw e;
        }
    }

    private record Composed(String text, InlineKeyboardMarkup markup, String recordId, String purpose) {
    }

    private Optional<Composed> compose(Claimed message, long chatId, Instant now) {
        try {
            if (QueuedMessages.WAITLIST_OFFER.equals(message.kind())) {
                QueuedMessages.Offer offer = json.readValue(message.payload(), QueuedMessages.Offer.class);
                if (offer.expiresAt() != null && !offer.expiresAt().isAfter(now)) {
                    return Optional.empty();
                }
                Doctor doctor = catalog.doctor(offer.doctorId());
                String text = texts.get("offer.text", "visit",
                        visits.lines(offer.start().atOffset(java.time.ZoneOffset.UTC), doctor),
                        "expires", Texts.time(Texts.local(offer.expiresAt())));
                Ui.Keys keys = ui.keys(chatId);
                String id = CompactIds.of(offer.offerId());
                keys.row(keys.button(texts.get("button.offer-accept"), "w:A:" + id),
                        keys.button(texts.get("button.offer-decline"), "w:D:" + id));
                return Optional.of(new Composed(text, keys.markup(), offer.offerId().toString(),
                        EventConsumers.PURPOSE_OFFER));
            }
            QueuedMessages.Reminder reminder = json.readValue(message.payload(), QueuedMessages.Reminder.class);
            boolean beforeVisit = reminder.buttons().stream().anyMatch(b -> !"BOOK_AGAIN".equals(b));
            if (beforeVisit && reminder.start() != null && !reminder.start().isAfter(now)) {
                // A reminder for a visit that has begun helps nobody.
                return Optional.empty();
            }
            Ui.Keys keys = ui.keys(chatId);
            String id = reminder.appointmentId() == null ? null : CompactIds.of(reminder.appointmentId());
            if (id != null) {
                List<com.pengrad.telegrambot.model.request.InlineKeyboardButton> row = new ArrayList<>();
                for (String button : reminder.buttons()) {
                    String code = switch (button) {
                        case "CONFIRM" -> "C";
                        case "RESCHEDULE" -> "R";
                        case "CANCEL" -> "X";
                        case "BOOK_AGAIN" -> "B";
                        default -> null;
                    };
                    if (code != null) {
                        row.add(keys.button(texts.get("button." + button), "r:" + code + ":" + id));
                    }
                }
                keys.row(row.toArray(com.pengrad.telegrambot.model.request.InlineKeyboardButton[]::new));
            }
            return Optional.of(new Composed(reminder.text(), keys.isEmpty() ? null : keys.markup(),
                    String.valueOf(reminder.appointmentId()), EventConsumers.PURPOSE_REMINDER));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("queued payload unreadable", e);
        }
    }

    private void deliver(Claimed message, long chatId, Composed composed) {
        Outcome outcome = api.send(chatId, composed.text(), composed.markup());
        Instant now = clock.instant();
        if (outcome.ok()) {
            queue.sent(message.id(), outcome.messageId(), audit.event(AuditTrail.SERVICE, "service",
                    message.patientId(), "telegram-message", composed.recordId(), DataAccessed.Action.EXPORT,
                    composed.purpose()), now);
            sent.increment();
            return;
        }
        if (outcome.tooManyRequests()) {
            throttled.increment();
            Duration wait = Duration.ofSeconds(outcome.retryAfter() == null ? 1 : outcome.retryAfter());
            limiter.pause(chatId, wait);
            queue.retryAt(message.id(), now.plus(wait), "429: retry after " + wait.toSeconds() + "s");
            return;
        }
        if (outcome.transientFailure() && message.attempts() < config.sender().maxAttempts()) {
            retry(message, "telegram " + outcome.errorCode());
            return;
        }
        LOG.warnf("message %d not deliverable: %d %s", message.id(), outcome.errorCode(), outcome.description());
        queue.finish(message.id(), "FAILED", "telegram " + outcome.errorCode() + ": " + outcome.description(), now);
    }

    private void retry(Claimed message, String error) {
        try {
            long seconds = Math.min(300, 1L << Math.min(8, Math.max(0, message.attempts() - 1)));
            if (message.attempts() >= config.sender().maxAttempts()) {
                queue.finish(message.id(), "FAILED", error, clock.instant());
            } else {
                queue.retryAt(message.id(), clock.instant().plusSeconds(seconds), error);
            }
        } catch (RuntimeException e) {
            // The lease runs out and the message is claimed again.
            LOG.warnf("could not reschedule message %d: %s", message.id(), e.toString());
        }
    }

    private void idle(Duration duration) {
        synchronized (signal) {
            if (!wakeRequested) {
                try {
                    signal.wait(Math.max(1, duration.toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            wakeRequested = false;
        }
    }
}
