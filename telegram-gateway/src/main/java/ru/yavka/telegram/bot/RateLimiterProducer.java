package ru.yavka.telegram.bot;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import ru.yavka.telegram.config.TelegramConfig;

public class RateLimiterProducer {

    /** One schedule per gateway: dialog replies and the outgoing queue share Telegram's limits. */
    @Produces
    @Singleton
    RateLimiter rateLimiter(TelegramConfig config) {
        return new RateLimiter(config.rate().globalPerSecond(), config.rate().queuePerSecond(),
                config.rate().perChat(), System::nanoTime);
    }
}
