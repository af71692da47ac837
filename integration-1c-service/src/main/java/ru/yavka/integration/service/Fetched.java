package ru.yavka.integration.service;

import java.time.Duration;
import java.time.Instant;

/**
 * Data from 1C with where it came from: {@code LIVE} from 1C just now, or {@code CACHE}, the
 * last good answer kept in Redis, with its age and why 1C was not asked or did not answer.
 */
public record Fetched<T>(T data, Source source, Instant fetchedAt, long ageSeconds, String reason) {

    public enum Source {
        LIVE, CACHE
    }

    public static <T> Fetched<T> live(T data, Instant now) {
        return new Fetched<>(data, Source.LIVE, now, 0, null);
    }

    public static <T> Fetched<T> cached(T data, Instant storedAt, Instant now, String reason) {
        return new Fetched<>(data, Source.CACHE, storedAt, Math.max(0, Duration.between(storedAt, now).toSeconds()),
                reason);
    }

    public boolean live() {
        return source == Source.LIVE;
    }
}
