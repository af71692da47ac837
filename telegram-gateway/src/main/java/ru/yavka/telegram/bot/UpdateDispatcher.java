package ru.yavka.telegram.bot;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.pengrad.telegrambot.model.Update;

import ru.yavka.telegram.config.TelegramConfig;
import ru.yavka.telegram.service.Dialog;

/**
 * Hands updates to the dialog: one lane per chat, so a chat's updates are handled strictly in
 * order while different chats proceed in parallel. An update id seen recently (Telegram
 * redelivers a webhook call it got no answer to) is dropped.
 */
@ApplicationScoped
public class UpdateDispatcher {

    private static final Logger LOG = Logger.getLogger(UpdateDispatcher.class);
    private static final int REMEMBERED_UPDATES = 10_000;

    private final Dialog dialog;
    private final ExecutorService workers;
    private final Map<Long, CompletableFuture<Void>> lanes = new ConcurrentHashMap<>();
    private final Map<Integer, Boolean> seen = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Boolean> eldest) {
            return size() > REMEMBERED_UPDATES;
        }
    };

    public UpdateDispatcher(Dialog dialog, TelegramConfig config) {
        this.dialog = dialog;
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "telegram-dialog-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.workers = Executors.newFixedThreadPool(config.dialogThreads(), threads);
    }

    /** Queues the update on its chat's lane; returns at once. */
    public void dispatch(Update update) {
        if (update == null || update.updateId() == null || !firstTime(update.updateId())) {
            return;
        }
        Optional<Long> chat = Dialog.chatOf(update);
        if (chat.isEmpty()) {
            return;
        }
        lanes.compute(chat.get(), (id, tail) -> {
            CompletableFuture<Void> previous = tail == null ? CompletableFuture.completedFuture(null) : tail;
            CompletableFuture<Void> next = previous.thenRunAsync(() -> run(update), workers);
            next.whenComplete((ignored, error) -> lanes.remove(id, next));
            return next;
        });
    }

    private void run(Update update) {
        try {
            dialog.handle(update);
        } catch (RuntimeException e) {
            LOG.error("update handling failed", e);
        }
    }

    private synchronized boolean firstTime(int updateId) {
        return seen.putIfAbsent(updateId, Boolean.TRUE) == null;
    }

    @PreDestroy
    void stop() {
        workers.shutdown();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
