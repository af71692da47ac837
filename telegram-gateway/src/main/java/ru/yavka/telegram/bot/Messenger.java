package ru.yavka.telegram.bot;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.pengrad.telegrambot.model.request.InlineKeyboardMarkup;
import com.pengrad.telegrambot.model.request.Keyboard;

import ru.yavka.telegram.bot.TelegramApi.Outcome;

/**
 * Dialog replies: sent right away, within Telegram's limits, with a 429 honoured (wait
 * retry_after, then try again) and a short retry on network trouble. Texts never reach the log.
 */
@ApplicationScoped
public class Messenger {

    private static final Logger LOG = Logger.getLogger(Messenger.class);
    private static final int ATTEMPTS = 4;

    private final TelegramApi api;
    private final RateLimiter limiter;

    public Messenger(TelegramApi api, RateLimiter limiter) {
        this.api = api;
        this.limiter = limiter;
    }

    /** The new message's id, if Telegram took it. */
    public Optional<Integer> send(long chatId, String text, Keyboard markup) {
        Outcome outcome = paced(chatId, "sendMessage", () -> api.send(chatId, text, markup));
        return outcome.ok() ? Optional.ofNullable(outcome.messageId()) : Optional.empty();
    }

    /** Replaces a message's text and inline keyboard (null removes it). */
    public boolean edit(long chatId, int messageId, String text, InlineKeyboardMarkup markup) {
        Outcome outcome = paced(chatId, "editMessageText", () -> api.edit(chatId, messageId, text, markup));
        return outcome.ok() || outcome.notModified();
    }

    public boolean editMarkup(long chatId, int messageId, InlineKeyboardMarkup markup) {
        Outcome outcome = paced(chatId, "editMessageReplyMarkup", () -> api.editMarkup(chatId, messageId, markup));
        return outcome.ok() || outcome.notModified();
    }

    /** Stops the button's spinner, optionally with a notice; not a chat message, so not paced. */
    public void answer(String callbackQueryId, String text, boolean alert) {
        Outcome outcome = api.answer(callbackQueryId, text, alert);
        if (!outcome.ok()) {
            LOG.debugf("answerCallbackQuery failed: %d %s", outcome.errorCode(), outcome.description());
        }
    }

    private Outcome paced(long chatId, String method, Supplier<Outcome> call) {
        Outcome outcome = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                limiter.awaitTurn(chatId, false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            outcome = call.get();
            if (outcome.ok() || !outcome.transientFailure()) {
                break;
            }
            if (outcome.tooManyRequests()) {
                limiter.pause(chatId, Duration.ofSeconds(outcome.retryAfter() == null ? 1 : outcome.retryAfter()));
            } else {
                sleepQuietly(Duration.ofMillis(300L * attempt));
            }
        }
        if (outcome != null && !outcome.ok() && !outcome.notModified()) {
            LOG.warnf("%s failed: %d %s", method, outcome.errorCode(), outcome.description());
        }
        return outcome == null ? new Outcome(false, null, 0, null, "interrupted") : outcome;
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
