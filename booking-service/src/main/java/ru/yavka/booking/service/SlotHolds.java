package ru.yavka.booking.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;
import ru.yavka.booking.config.BookingConfig;
import ru.yavka.booking.config.RedisKeys;

/**
 * Short holds in Redis while a patient chooses, so two patients are not offered the same
 * slot. A hold only steers offers; PostgreSQL alone decides who gets the slot.
 */
@ApplicationScoped
public class SlotHolds {

    public record Hold(UUID slotId, String holder, Instant expiresAt) {
    }

    private final ReactiveValueCommands<String, String> values;
    private final ReactiveRedisDataSource redis;
    private final String prefix;
    private final BookingConfig config;
    private final Clock clock;

    public SlotHolds(ReactiveRedisDataSource redis, RedisKeys keys, BookingConfig config, Clock clock) {
        this.redis = redis;
        this.values = redis.value(String.class);
        this.prefix = keys.keyPrefix() + "hold:slot:";
        this.config = config;
        this.clock = clock;
    }

    /** Takes or renews the hold; fails with 409 when someone else holds the slot. */
    public Uni<Hold> hold(UUID slotId, String holder) {
        String key = prefix + slotId;
        long ttlSeconds = config.holdTtl().toSeconds();
        return values.setGet(key, holder, new SetArgs().nx().ex(ttlSeconds))
                .chain(previous -> {
                    if (previous == null) {
                        return Uni.createFrom().voidItem();
                    }
                    if (previous.equals(holder)) {
                        return redis.key().expire(key, ttlSeconds).replaceWithVoid();
                    }
                    return Uni.createFrom().failure(BookingProblem.conflict(
                            "slot " + slotId + " is being held by another patient; choose another slot"));
                })
                .map(ignored -> new Hold(slotId, holder, clock.instant().plusSeconds(ttlSeconds)));
    }

    public Uni<Void> release(UUID slotId, String holder) {
        String key = prefix + slotId;
        return values.get(key).chain(current -> holder == null || holder.equals(current)
                ? redis.key().del(key).replaceWithVoid()
                : Uni.createFrom().voidItem());
    }

    /** Fails with 409 when the slot is held by anyone other than {@code holder}. */
    public Uni<Void> requireNotHeldByOther(UUID slotId, String holder) {
        return values.get(prefix + slotId).chain(current -> current == null || current.equals(holder)
                ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(BookingProblem.conflict(
                        "slot " + slotId + " is being held by another patient; choose another slot")));
    }

    public Uni<Set<UUID>> heldAmong(List<UUID> slotIds) {
        if (slotIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        String[] keys = slotIds.stream().map(id -> prefix + id).toArray(String[]::new);
        return values.mget(keys).map(found -> heldIds(found, slotIds));
    }

    private Set<UUID> heldIds(Map<String, String> found, List<UUID> slotIds) {
        return slotIds.stream()
                .filter(id -> Objects.nonNull(found.get(prefix + id)))
                .collect(Collectors.toSet());
    }
}
