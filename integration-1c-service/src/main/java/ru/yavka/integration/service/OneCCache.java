package ru.yavka.integration.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.redis.datasource.value.ValueCommands;
import ru.yavka.integration.config.RedisKeys;

/**
 * The last good answer of each 1C read, in Redis, with the time it was received. Served while
 * a breaker is open or 1C fails. Only data that passed the contract checks is ever stored.
 */
@ApplicationScoped
public class OneCCache {

    private static final Logger LOG = Logger.getLogger(OneCCache.class);
    /** Long enough to ride out a long outage; short enough that stale keys of patients go away. */
    private static final Duration KEEP = Duration.ofDays(30);

    public record Cached<T>(T data, Instant storedAt) {
    }

    private final RedisDataSource redis;
    private final ValueCommands<String, String> values;
    private final ObjectMapper mapper;
    private final String prefix;

    public OneCCache(RedisDataSource redis, ObjectMapper mapper, RedisKeys keys) {
        this.redis = redis;
        this.values = redis.value(String.class);
        this.mapper = mapper;
        this.prefix = keys.keyPrefix() + "1c:cache:";
    }

    /** Stores a good answer; a Redis hiccup only costs the fallback, never the fresh answer. */
    public void put(String name, Object data, Instant receivedAt) {
        try {
            ObjectNode entry = mapper.createObjectNode();
            entry.put("storedAt", receivedAt.toString());
            entry.set("data", mapper.valueToTree(data));
            values.set(prefix + name, mapper.writeValueAsString(entry), new SetArgs().ex(KEEP));
        } catch (Exception e) {
            LOG.warnf("could not cache the 1C answer '%s' in Redis: %s", name, e.toString());
        }
    }

    public <T> Optional<Cached<T>> get(String name, Class<T> type) {
        return get(name, mapper.constructType(type));
    }

    public <T> Optional<Cached<T>> get(String name, JavaType type) {
        String raw = values.get(prefix + name);
        if (raw == null) {
            return Optional.empty();
        }
        try {
            JsonNode entry = mapper.readTree(raw);
            T data = mapper.convertValue(entry.get("data"), type);
            return Optional.of(new Cached<>(data, Instant.parse(entry.get("storedAt").asText())));
        } catch (Exception e) {
            LOG.warnf("cached 1C answer '%s' is unreadable, ignored: %s", name, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    public Optional<Instant> storedAt(String name) {
        try {
            String raw = values.get(prefix + name);
            return raw == null ? Optional.empty() : Optional.of(Instant.parse(mapper.readTree(raw).get("storedAt").asText()));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** Unlike a put, a failure here is the caller's: a forgotten answer must really be gone. */
    public void forget(String name) {
        redis.key().del(prefix + name);
    }

    public ObjectMapper mapper() {
        return mapper;
    }
}
