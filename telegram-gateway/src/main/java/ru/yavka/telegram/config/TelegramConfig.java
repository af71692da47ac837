package ru.yavka.telegram.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the gateway talks to Telegram and paces what it sends. */
@ConfigMapping(prefix = "yavka.telegram")
public interface TelegramConfig {

    /** The bot token from BotFather. Without one the gateway runs but stays off Telegram ("disabled: no token"). */
    Optional<String> token();

    /** Bot API base, ending in {@code /bot} (the token follows it); a local stand-in in tests and `./clinic chat`. */
    @WithDefault("https://api.telegram.org/bot")
    String apiUrl();

    /** {@code polling} (getUpdates, the local default) or {@code webhook} (production). */
    @WithDefault("polling")
    String mode();

    Webhook webhook();

    /** Long-polling wait per getUpdates call. */
    @WithDefault("25s")
    Duration pollTimeout();

    Rate rate();

    Sender sender();

    /** Dialog state lives this long in Redis after the patient's last step. */
    @WithDefault("24h")
    Duration sessionTtl();

    Consent consent();

    /** How many days ahead the booking dialog offers. */
    @WithDefault("14")
    int bookingDays();

    /** Threads that run dialogs (one chat's updates always in order, different chats in parallel). */
    @WithDefault("8")
    int dialogThreads();

    interface Webhook {
        /** Telegram sends it back in X-Telegram-Bot-Api-Secret-Token; the endpoint answers 401 without it. */
        Optional<String> secret();

        /** Public HTTPS address registered with setWebhook in webhook mode. */
        Optional<String> url();
    }

    /** Telegram's limits: about 30 messages a second overall and one a second per chat. */
    interface Rate {
        @WithDefault("30")
        double globalPerSecond();

        /** The share of the global rate the outgoing queue may use, so dialog replies never starve. */
        @WithDefault("25")
        double queuePerSecond();

        @WithDefault("1s")
        Duration perChat();
    }

    /** The paced sender that drains the durable outgoing queue. */
    interface Sender {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("200ms")
        Duration pollInterval();

        @WithDefault("50")
        int batchSize();

        @WithDefault("8")
        int threads();

        /** A claimed message not finished by then is taken again (a crashed replica's leftovers). */
        @WithDefault("2m")
        Duration lease();

        @WithDefault("20")
        int maxAttempts();
    }

    interface Consent {
        /** Version of the consent text the patient agrees to; booking records it with the consent. */
        @WithDefault("2026-01")
        String version();

        @WithDefault("https://yavka.local/privacy")
        String policyUrl();
    }
}
