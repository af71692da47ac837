package ru.yavka.triage.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * GigaChat. Off unless an authorization key is set (from the environment only). The endpoints'
 * base URLs are {@code quarkus.rest-client.gigachat-auth.url} and {@code quarkus.rest-client.gigachat.url}.
 */
@ConfigMapping(prefix = "yavka.gigachat")
public interface GigaChatConfig {

    /** The Base64 authorization key from the GigaChat developer account ({@code Authorization: Basic <key>}). */
    Optional<String> authKey();

    /** GIGACHAT_API_PERS, GIGACHAT_API_B2B or GIGACHAT_API_CORP. */
    @WithDefault("GIGACHAT_API_PERS")
    String scope();

    @WithDefault("GigaChat")
    String model();

    /** A token is refreshed this long before its expires_at. */
    @WithDefault("60s")
    Duration refreshMargin();

    @WithDefault("0.1")
    double temperature();

    @WithDefault("200")
    int maxTokens();

    default boolean enabled() {
        return authKey().filter(k -> !k.isBlank()).isPresent();
    }
}
