package ru.yavka.telegram.bot;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.pengrad.telegrambot.TelegramBot;
import com.pengrad.telegrambot.model.Update;
import com.pengrad.telegrambot.model.request.InlineKeyboardMarkup;
import com.pengrad.telegrambot.model.request.Keyboard;
import com.pengrad.telegrambot.request.AnswerCallbackQuery;
import com.pengrad.telegrambot.request.BaseRequest;
import com.pengrad.telegrambot.request.DeleteWebhook;
import com.pengrad.telegrambot.request.EditMessageReplyMarkup;
import com.pengrad.telegrambot.request.EditMessageText;
import com.pengrad.telegrambot.request.GetUpdates;
import com.pengrad.telegrambot.request.SendMessage;
import com.pengrad.telegrambot.request.SetWebhook;
import com.pengrad.telegrambot.response.BaseResponse;
import com.pengrad.telegrambot.response.GetUpdatesResponse;
import com.pengrad.telegrambot.response.SendResponse;

import okhttp3.OkHttpClient;
import ru.yavka.telegram.config.TelegramConfig;

/**
 * The Bot API through pengrad's client, reduced to what the gateway uses. Every call returns
 * an {@link Outcome} instead of throwing, so callers decide about 429s and network trouble.
 * Without a token there is no client at all and {@link #enabled()} is false.
 */
@ApplicationScoped
public class TelegramApi {

    /** What Telegram answered; {@code errorCode} 0 means the request never got an answer. */
    public record Outcome(boolean ok, Integer messageId, int errorCode, Integer retryAfter, String description) {

        static Outcome of(BaseResponse response, Integer messageId) {
            if (response.isOk()) {
                return new Outcome(true, messageId, 0, null, null);
            }
            Integer retryAfter = response.parameters() == null ? null : response.parameters().retryAfter();
            return new Outcome(false, null, response.errorCode(), retryAfter, response.description());
        }

        static Outcome unreachable(Exception e) {
            return new Outcome(false, null, 0, null, e.getClass().getSimpleName());
        }

        public boolean tooManyRequests() {
            return errorCode == 429;
        }

        /** Worth trying again later: no answer, 429 or a server error. */
        public boolean transientFailure() {
            return !ok && (errorCode == 0 || errorCode == 429 || errorCode >= 500);
        }

        /** Telegram refuses to edit a message into what it already is; for us that is success. */
        public boolean notModified() {
            return errorCode == 400 && description != null && description.contains("message is not modified");
        }
    }

    private final TelegramBot bot;
    private final String apiBase;

    public TelegramApi(TelegramConfig config) {
        this.apiBase = config.apiUrl();
        this.bot = config.token().filter(t -> !t.isBlank())
                .map(token -> new TelegramBot.Builder(token)
                        .apiUrl(config.apiUrl())
                        .okHttpClient(new OkHttpClient.Builder()
                                .connectTimeout(5, TimeUnit.SECONDS)
                                .readTimeout(15, TimeUnit.SECONDS)
                                .writeTimeout(15, TimeUnit.SECONDS)
                                .build())
                        .build())
                .orElse(null);
    }

    public boolean enabled() {
        return bot != null;
    }

    /** Where the Bot API is, without the token (for health details). */
    public String apiHost() {
        try {
            URI uri = URI.create(apiBase);
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        } catch (IllegalArgumentException e) {
            return "unparsable api url";
        }
    }

    public Outcome send(long chatId, String text, Keyboard markup) {
        SendMessage request = new SendMessage(chatId, text);
        if (markup != null) {
            request.replyMarkup(markup);
        }
        return call(request, response -> ((SendResponse) response).message() == null ? null
                : ((SendResponse) response).message().messageId());
    }

    /** Replaces the text; a null markup removes the inline keyboard. */
    public Outcome edit(long chatId, int messageId, String text, InlineKeyboardMarkup markup) {
        EditMessageText request = new EditMessageText(chatId, messageId, text);
        if (markup != null) {
            request.replyMarkup(markup);
        }
        return call(request, response -> messageId);
    }

    public Outcome editMarkup(long chatId, int messageId, InlineKeyboardMarkup markup) {
        EditMessageReplyMarkup request = new EditMessageReplyMarkup(chatId, messageId);
        request.replyMarkup(markup == null ? new InlineKeyboardMarkup() : markup);
        return call(request, response -> messageId);
    }

    public Outcome answer(String callbackQueryId, String text, boolean alert) {
        AnswerCallbackQuery request = new AnswerCallbackQuery(callbackQueryId);
        if (text != null) {
            request.text(text).showAlert(alert);
        }
        return call(request, response -> null);
    }

    /** Long polling; an empty list on any trouble (the poller backs off). */
    public Optional<List<Update>> updates(int offset, Duration timeout) {
        try {
            GetUpdatesResponse response = bot.execute(new GetUpdates().offset(offset).limit(100)
                    .timeout((int) timeout.toSeconds())
                    .allowedUpdates("message", "callback_query"));
            return response.isOk() ? Optional.of(response.updates()) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    public Outcome deleteWebhook() {
        return call(new DeleteWebhook(), response -> null);
    }

    public Outcome setWebhook(String url, String secret) {
        return call(new SetWebhook().url(url).secretToken(secret).allowedUpdates("message", "callback_query"),
                response -> null);
    }

    private <T extends BaseRequest<T, R>, R extends BaseResponse> Outcome call(BaseRequest<T, R> request,
            java.util.function.Function<BaseResponse, Integer> messageId) {
        if (bot == null) {
            return new Outcome(false, null, 0, null, "disabled: no token");
        }
        try {
            R response = bot.execute(request);
            if (response == null) {
                return new Outcome(false, null, 0, null, "empty answer");
            }
            return Outcome.of(response, response.isOk() ? messageId.apply(response) : null);
        } catch (RuntimeException e) {
            return Outcome.unreachable(e);
        }
    }

    @PreDestroy
    void close() {
        if (bot != null) {
            bot.shutdown();
        }
    }
}
