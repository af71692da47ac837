package ru.yavka.telegram.service;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.redis.datasource.value.ValueCommands;
import ru.yavka.telegram.config.RedisKeys;
import ru.yavka.telegram.config.TelegramConfig;

/** Dialog state in Redis under the chat's key (never the chat id), expiring after the configured TTL. */
@ApplicationScoped
public class SessionStore {

    private final ValueCommands<String, String> values;
    private final RedisDataSource redis;
    private final ObjectMapper json;
    private final String prefix;
    private final long ttlSeconds;

    public SessionStore(RedisDataSource redis, ObjectMapper json, RedisKeys keys, TelegramConfig config) {
        this.redis = redis;
        this.values = redis.value(String.class);
        this.json = json;
        this.prefix = keys.keyPrefix() + "tg:session:";
        this.ttlSeconds = config.sessionTtl().toSeconds();
    }

    public Optional<Session> load(String chatKey) {
        String stored = values.get(prefix + chatKey);
        if (stored == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(stored, Session.class));
        } catch (JsonProcessingException e) {
            // A state written by an incompatible version: start the dialog over.
            return Optional.empty();
        }
    }

    public void save(String chatKey, Session session) {
        try {
            values.set(prefix + chatKey, json.writeValueAsString(session), new SetArgs().ex(ttlSeconds));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("session not serializable", e);
        }
    }

    public void delete(String chatKey) {
        redis.key().del(prefix + chatKey);
    }
}
