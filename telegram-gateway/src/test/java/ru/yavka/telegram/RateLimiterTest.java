package ru.yavka.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import ru.yavka.telegram.bot.RateLimiter;

/** The send schedule on a clock the test controls: Telegram's gaps are kept, and a 429 pauses it. */
class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong(1_000 * SECOND);
    private final RateLimiter limiter = new RateLimiter(30, 25, Duration.ofSeconds(1), now::get);

    @Test
    void aBurstToManyChatsGoesAtTheQueueShareOfTheGlobalRate() {
        long first = limiter.reserve(1, true);
        long last = first;
        for (long chat = 2; chat <= 100; chat++) {
            long at = limiter.reserve(chat, true);
            assertThat(at - last).isGreaterThanOrEqualTo(SECOND / 25);
            last = at;
        }
        assertThat(last - first).isGreaterThanOrEqualTo(99 * (SECOND / 25));
    }

    @Test
    void oneChatGetsAtMostOneMessageASecond() {
        long a = limiter.reserve(7, false);
        long b = limiter.reserve(7, false);
        long c = limiter.reserve(8, false);
        assertThat(b - a).isGreaterThanOrEqualTo(SECOND);
        assertThat(c - a).isLessThan(SECOND);
        assertThat(c - a).isGreaterThanOrEqualTo(SECOND / 30);
    }

    @Test
    void dialogRepliesAreNotStuckBehindTheQueue() {
        for (long chat = 1; chat <= 50; chat++) {
            now.addAndGet(SECOND / 25);
            limiter.reserve(chat, true);
        }
        long reply = limiter.reserve(999, false);
        assertThat(reply - now.get()).isLessThanOrEqualTo(SECOND / 25);
    }

    @Test
    void a429PausesEverything() {
        limiter.pause(5, Duration.ofSeconds(3));
        assertThat(limiter.reserve(6, false)).isGreaterThanOrEqualTo(now.get() + 3 * SECOND);
        assertThat(limiter.reserve(5, true)).isGreaterThanOrEqualTo(now.get() + 3 * SECOND);
    }
}
