package ru.yavka.triage.client;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.faulttolerance.api.CircuitBreakerName;
import ru.yavka.triage.config.GigaChatConfig;

/**
 * GigaChat with its token kept fresh: fetched on first use, refreshed a margin before
 * {@code expires_at}, and once more when the API still says 401 (a token revoked early); the call
 * is then repeated once. 429 and 5xx are retried with a short backoff; the breaker stops calling
 * a GigaChat that keeps failing, so triage falls back to retrieval at once instead of waiting.
 */
@ApplicationScoped
public class GigaChatClient {

    public static final String BREAKER = "gigachat";

    private final GigaChatAuthApi auth;
    private final GigaChatChatApi chat;
    private final GigaChatConfig config;
    private final Clock clock;
    private volatile GigaChatAuthApi.Token token;

    public GigaChatClient(@RestClient GigaChatAuthApi auth, @RestClient GigaChatChatApi chat, GigaChatConfig config,
            Clock clock) {
        this.auth = auth;
        this.chat = chat;
        this.config = config;
        this.clock = clock;
    }

    /** The assistant's reply text. */
    @Retry(maxRetries = 2, delay = 300, jitter = 100, retryOn = GigaChatUnavailable.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 30_000, successThreshold = 1,
            failOn = GigaChatUnavailable.class)
    @CircuitBreakerName(BREAKER)
    public String complete(List<GigaChatChatApi.Message> messages) {
        GigaChatChatApi.ChatRequest request = new GigaChatChatApi.ChatRequest(config.model(), messages,
                config.temperature(), config.maxTokens(), false);
        GigaChatChatApi.ChatResponse response;
        try {
            response = call(currentToken(), request);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() != 401) {
                throw translate(e, "chat");
            }
            // The token was refused before its time: get a new one and try exactly once more.
            token = null;
            try {
                response = call(currentToken(), request);
            } catch (WebApplicationException again) {
                throw translate(again, "chat after a token refresh");
            }
        }
        return content(response);
    }

    private GigaChatChatApi.ChatResponse call(String accessToken, GigaChatChatApi.ChatRequest request) {
        try {
            return chat.complete("Bearer " + accessToken, request);
        } catch (ProcessingException e) {
            throw new GigaChatUnavailable("GigaChat chat did not answer: " + e.getMessage(), e);
        }
    }

    private static String content(GigaChatChatApi.ChatResponse response) {
        if (response == null || response.choices() == null || response.choices().isEmpty()
                || response.choices().get(0).message() == null) {
            throw new GigaChatRefused("GigaChat answered without a choice");
        }
        GigaChatChatApi.Choice choice = response.choices().get(0);
        if ("blacklist".equals(choice.finishReason())) {
            throw new GigaChatRefused("GigaChat declined the topic (finish_reason blacklist)");
        }
        String content = choice.message().content();
        if (content == null || content.isBlank()) {
            throw new GigaChatRefused("GigaChat answered with an empty message");
        }
        return content;
    }

    private synchronized String currentToken() {
        GigaChatAuthApi.Token current = token;
        if (current != null && clock.millis() < current.expiresAt() - config.refreshMargin().toMillis()) {
            return current.accessToken();
        }
        String key = config.authKey().orElseThrow(() -> new GigaChatRefused("GigaChat has no authorization key"));
        try {
            GigaChatAuthApi.Token fresh = auth.token("Basic " + key, UUID.randomUUID().toString(), config.scope());
            if (fresh == null || fresh.accessToken() == null || fresh.accessToken().isBlank()) {
                throw new GigaChatRefused("GigaChat OAuth answered without an access_token");
            }
            token = fresh;
            return fresh.accessToken();
        } catch (WebApplicationException e) {
            throw translate(e, "OAuth");
        } catch (ProcessingException e) {
            throw new GigaChatUnavailable("GigaChat OAuth did not answer: " + e.getMessage(), e);
        }
    }

    private static RuntimeException translate(WebApplicationException e, String what) {
        int status = e.getResponse().getStatus();
        if (status >= 200 && status < 300) {
            return new GigaChatRefused("GigaChat " + what + " answered something that is not its JSON", e);
        }
        if (status == 429 || status >= 500) {
            return new GigaChatUnavailable("GigaChat " + what + " answered " + status, e);
        }
        return new GigaChatRefused("GigaChat " + what + " refused with " + status, e);
    }

    /** For a key given as client id and secret rather than the ready Base64 form. */
    public static String basicKey(String clientId, String clientSecret) {
        return Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
    }
}
