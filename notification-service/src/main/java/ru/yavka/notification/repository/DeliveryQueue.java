package ru.yavka.notification.repository;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The push dispatcher's queue, on the reactive pool and called from a worker thread. Claiming
 * takes rows with FOR UPDATE SKIP LOCKED and pushes their next attempt past a lease, so two
 * replicas never send the same delivery at once; a replica that dies mid-send leaves its rows
 * to be picked up again when the lease ends.
 */
@ApplicationScoped
public class DeliveryQueue {

    private static final Duration DB_TIMEOUT = Duration.ofSeconds(30);

    private final Pool pool;

    public DeliveryQueue(Pool pool) {
        this.pool = pool;
    }

    /** A claimed delivery with what it takes to send it. {@code attempt} counts this one. */
    public record Claimed(long id, int attempt, UUID alertId, String kind, String title, String body, String url,
            String urgency, String topic, int ttlSeconds, Instant alertCreatedAt, UUID subscriptionId,
            String endpoint, String p256dh, String auth) {
    }

    public List<Claimed> claimDue(Instant now, Duration lease, int limit) {
        List<Claimed> claimed = new ArrayList<>();
        pool.preparedQuery("""
                        WITH due AS (
                            SELECT id FROM push_delivery
                            WHERE status = 'PENDING' AND next_attempt_at <= $1
                            ORDER BY next_attempt_at, id
                            LIMIT $3
                            FOR UPDATE SKIP LOCKED)
                        UPDATE push_delivery d
                        SET attempts = d.attempts + 1, next_attempt_at = $2
                        FROM due, staff_alert a, push_subscription s
                        WHERE d.id = due.id AND a.id = d.alert_id AND s.id = d.subscription_id
                        RETURNING d.id, d.attempts, a.id AS alert_id, a.kind, a.title, a.body, a.url, a.urgency,
                                  a.topic, a.ttl_seconds, a.created_at, s.id AS subscription_id, s.endpoint,
                                  s.p256dh, s.auth""")
                .execute(Tuple.of(utc(now), utc(now.plus(lease)), limit))
                .await().atMost(DB_TIMEOUT)
                .forEach(row -> claimed.add(toClaimed(row)));
        return claimed;
    }

    public void markSent(long deliveryId, UUID subscriptionId, int status, Instant now) {
        pool.preparedQuery("UPDATE push_delivery SET status = 'SENT', sent_at = $2, last_status = $3,"
                        + " last_error = NULL WHERE id = $1")
                .execute(Tuple.of(deliveryId, utc(now), status))
                .await().atMost(DB_TIMEOUT);
        pool.preparedQuery("UPDATE push_subscription SET last_success_at = $2 WHERE id = $1")
                .execute(Tuple.of(subscriptionId, utc(now)))
                .await().atMost(DB_TIMEOUT);
    }

    public void retryAt(long deliveryId, Instant next, Integer status, String error) {
        pool.preparedQuery("UPDATE push_delivery SET next_attempt_at = $2, last_status = $3, last_error = $4"
                        + " WHERE id = $1")
                .execute(Tuple.of(deliveryId, utc(next), status, error))
                .await().atMost(DB_TIMEOUT);
    }

    /** FAILED (given up) or EXPIRED (its TTL ran out before it could go). */
    public void finish(long deliveryId, String outcome, Integer status, String error) {
        pool.preparedQuery("UPDATE push_delivery SET status = $2, last_status = $3, last_error = $4 WHERE id = $1")
                .execute(Tuple.of(deliveryId, outcome, status, error))
                .await().atMost(DB_TIMEOUT);
    }

    /** The push service says the subscription is gone (404/410): forget the device and its queue. */
    public void dropSubscription(UUID subscriptionId) {
        pool.preparedQuery("DELETE FROM push_subscription WHERE id = $1")
                .execute(Tuple.of(subscriptionId))
                .await().atMost(DB_TIMEOUT);
    }

    private static Claimed toClaimed(Row row) {
        return new Claimed(row.getLong("id"), row.getInteger("attempts"), row.getUUID("alert_id"),
                row.getString("kind"), row.getString("title"), row.getString("body"), row.getString("url"),
                row.getString("urgency"), row.getString("topic"), row.getInteger("ttl_seconds"),
                row.getOffsetDateTime("created_at").toInstant(), row.getUUID("subscription_id"),
                row.getString("endpoint"), row.getString("p256dh"), row.getString("auth"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
