package ru.yavka.telegram.rest;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import ru.yavka.telegram.bot.TelegramApi;
import ru.yavka.telegram.bot.UpdatePoller;
import ru.yavka.telegram.bot.WebhookRegistration;
import ru.yavka.telegram.config.TelegramConfig;

/**
 * The gateway's Telegram side in /q/health. It stays UP without a token ("disabled: no token")
 * and while Telegram is unreachable: the rest of the system must not wait on the bot.
 */
@Readiness
@ApplicationScoped
public class TelegramHealth implements HealthCheck {

    private final TelegramApi api;
    private final UpdatePoller poller;
    private final WebhookRegistration webhook;
    private final TelegramConfig config;

    public TelegramHealth(TelegramApi api, UpdatePoller poller, WebhookRegistration webhook, TelegramConfig config) {
        this.api = api;
        this.poller = poller;
        this.webhook = webhook;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder health = HealthCheckResponse.named("telegram").up();
        if (!api.enabled()) {
            return health.withData("status", "disabled: no token").build();
        }
        health.withData("status", "enabled").withData("mode", config.mode().toLowerCase())
                .withData("api", api.apiHost());
        if ("webhook".equalsIgnoreCase(config.mode())) {
            health.withData("webhook", webhook.state());
        } else {
            health.withData("lastPoll", poller.lastSuccess().map(Object::toString).orElse("never"));
        }
        return health.build();
    }
}
