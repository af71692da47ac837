package ru.yavka.telegram.bot;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Telegram's flood limits as a schedule of send times: a global gap (about 30 messages a
 * second), a per-chat gap (about one a second), a smaller share of the global rate for the
 * outgoing queue so that dialog replies always find room, and a pause after a 429 for as long
 * as Telegram's retry_after says. Callers reserve a time, then wait until it comes.
 */
public class RateLimiter {

    private final LongSupplier nanoTime;
    private final long globalGap;
    private final long queueGap;
    private final long chatGap;
    private final Map<Long, Long> chatNext = new HashMap<>();
    private final java.util.TreeSet<Long> reserved = new java.util.TreeSet<>();
    private long queueNext;
    private long pausedUntil;
    private long lastPurge;

    public RateLimiter(double globalPerSecond, double queuePerSecond, Duration perChat, LongSupplier nanoTime) {
        if (globalPerSecond <= 0 || queuePerSecond <= 0) {
            throw new IllegalArgumentException("rates must be positive");
        }
        this.nanoTime = nanoTime;
        this.globalGap = (long) (1_000_000_000L / globalPerSecond);
        this.queueGap = (long) (1_000_000_000L / Math.min(queuePerSecond, globalPerSecond));
        this.chatGap = perChat.toNanos();
        long now = nanoTime.getAsLong();
        this.queueNext = now;
        this.pausedUntil = now;
        this.lastPurge = now;
    }

    /**
     * The moment (in {@code nanoTime} terms) at which a message to {@code chatId} may go;
     * reserving it moves the schedule on. {@code fromQueue} marks the outgoing queue's sends.
     */
    public synchronized long reserve(long chatId, boolean fromQueue) {
        long now = nanoTime.getAsLong();
        long at = Math.max(now, pausedUntil);
        Long chat = chatNext.get(chatId);
        if (chat != null) {
            at = Math.max(at, chat);
        }
        if (fromQueue) {
            at = Math.max(at, queueNext);
        }
        at = freeGlobalSlot(at);
        reserved.add(at);
        if (fromQueue) {
            queueNext = at + queueGap;
        }
        chatNext.put(chatId, at + chatGap);
        purge(now);
        return at;
    }

    /**
     * The first moment from {@code from} on that keeps the global gap to every other reserved
     * send. A chat waiting out its own second does not hold up the other chats.
     */
    private long freeGlobalSlot(long from) {
        long at = from;
        while (true) {
            Long before = reserved.floor(at);
            if (before != null && at - before < globalGap) {
                at = before + globalGap;
                continue;
            }
            Long after = reserved.ceiling(at);
            if (after != null && after - at < globalGap) {
                at = after + globalGap;
                continue;
            }
            return at;
        }
    }

    /** Reserves, then sleeps until the reserved moment. */
    public void awaitTurn(long chatId, boolean fromQueue) throws InterruptedException {
        sleepUntil(reserve(chatId, fromQueue));
    }

    /** After a 429: nothing goes out before {@code retryAfter} has passed, in any chat. */
    public synchronized void pause(long chatId, Duration retryAfter) {
        long until = nanoTime.getAsLong() + retryAfter.toNanos();
        pausedUntil = Math.max(pausedUntil, until);
        chatNext.merge(chatId, until, Math::max);
    }

    public void sleepUntil(long at) throws InterruptedException {
        long wait = at - nanoTime.getAsLong();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
        }
    }

    /** Sends in the past no longer constrain anything; chats idle for a while need no entry. */
    private void purge(long now) {
        reserved.headSet(now - globalGap).clear();
        if (now - lastPurge < 10_000_000_000L) {
            return;
        }
        lastPurge = now;
        chatNext.values().removeIf(next -> next < now);
    }
}
