package ru.yavka.telegram.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import com.pengrad.telegrambot.model.Update;
import com.pengrad.telegrambot.utility.BotUtils;

import io.smallrye.common.annotation.Blocking;
import ru.yavka.telegram.bot.UpdateDispatcher;
import ru.yavka.telegram.config.TelegramConfig;

/**
 * Webhook mode: Telegram POSTs each update here with the secret given to setWebhook in
 * X-Telegram-Bot-Api-Secret-Token. Without the right secret: 401, and nothing is read.
 */
@Path("/telegram/webhook")
@Tag(name = "telegram", description = "Telegram webhook")
public class WebhookResource {

    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private static final Logger LOG = Logger.getLogger(WebhookResource.class);

    private final TelegramConfig config;
    private final UpdateDispatcher dispatcher;

    public WebhookResource(TelegramConfig config, UpdateDispatcher dispatcher) {
        this.config = config;
        this.dispatcher = dispatcher;
    }

    @POST
    @Blocking
    @Consumes(MediaType.WILDCARD)
    public Response update(@HeaderParam(SECRET_HEADER) String secret, String body) {
        String expected = config.webhook().secret().filter(s -> !s.isBlank()).orElse(null);
        if (expected == null) {
            return Response.status(404).build();
        }
        if (secret == null || !MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8))) {
            return Response.status(401).build();
        }
        Update update;
        try {
            update = BotUtils.parseUpdate(body);
        } catch (RuntimeException e) {
            LOG.warn("webhook body is not an Update");
            return Response.status(400).build();
        }
        // Answer at once: Telegram waits for nothing else, and the dialog runs on its chat's lane.
        dispatcher.dispatch(update);
        return Response.ok().build();
    }
}
