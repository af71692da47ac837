package ru.yavka.telegram.bot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import ru.yavka.telegram.config.TelegramConfig;

/** In webhook mode, tells Telegram where to POST updates and which secret to send with them. */
@ApplicationScoped
public class WebhookRegistration {

    private static final Logger LOG = Logger.getLogger(WebhookRegistration.class);

    private final TelegramApi api;
    private final TelegramConfig config;
    private volatile String state = "not registered";

    public WebhookRegistration(TelegramApi api, TelegramConfig config) {
        this.api = api;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (!api.enabled() || !"webhook".equalsIgnoreCase(config.mode())) {
            return;
        }
        if (config.webhook().url().isEmpty() || config.webhook().secret().isEmpty()) {
            state = "webhook mode needs yavka.telegram.webhook.url and .secret";
            LOG.error(state);
            return;
        }
        TelegramApi.Outcome outcome = api.setWebhook(config.webhook().url().get(), config.webhook().secret().get());
        state = outcome.ok() ? "registered" : "setWebhook failed: " + outcome.errorCode();
        if (!outcome.ok()) {
            LOG.errorf("setWebhook failed: %d %s", outcome.errorCode(), outcome.description());
        }
    }

    public String state() {
        return state;
    }
}
