package ru.yavka.telegram.bot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.pengrad.telegrambot.model.Update;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import ru.yavka.telegram.config.TelegramConfig;

/**
 * Long polling (getUpdates), the default mode. An update is confirmed to Telegram (by the next
 * call's offset) once it is on its chat's lane. While Telegram (or the local stand-in) cannot be
 * reached the poller backs off, and the rest of the gateway keeps working.
 */
@ApplicationScoped
public class UpdatePoller {

    private static final Logger LOG = Logger.getLogger(UpdatePoller.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final TelegramApi api;
    private final UpdateDispatcher dispatcher;
    private final TelegramConfig config;
    private final Clock clock;
    private volatile boolean running;
    private volatile Instant lastSuccess;
    private volatile Thread thread;

    public UpdatePoller(TelegramApi api, UpdateDispatcher dispatcher, TelegramConfig config, Clock clock) {
        this.api = api;
        this.dispatcher = dispatcher;
        this.config = config;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        if (!api.enabled() || !"polling".equalsIgnoreCase(config.mode())) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "telegram-poller");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    public boolean polling() {
        return running;
    }

    public Optional<Instant> lastSuccess() {
        return Optional.ofNullable(lastSuccess);
    }

    private void loop() {
        Duration backoff = Duration.ofMillis(500);
        boolean webhookCleared = false;
        int offset = 0;
        while (running) {
            if (!webhookCleared) {
                // getUpdates is refused while a webhook is set.
                webhookCleared = api.deleteWebhook().ok();
                if (!webhookCleared) {
                    backoff = pause(backoff);
                    continue;
                }
            }
            Optional<List<Update>> updates = api.updates(offset, config.pollTimeout());
            if (updates.isEmpty()) {
                backoff = pause(backoff);
                continue;
            }
            backoff = Duration.ofMillis(500);
            lastSuccess = clock.instant();
            for (Update update : updates.get()) {
                dispatcher.dispatch(update);
                offset = Math.max(offset, update.updateId() + 1);
            }
        }
    }

    private Duration pause(Duration backoff) {
        LOG.debugf("Bot API not reachable; polling again in %d ms", backoff.toMillis());
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
        Duration next = backoff.multipliedBy(2);
        return next.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : next;
    }
}
