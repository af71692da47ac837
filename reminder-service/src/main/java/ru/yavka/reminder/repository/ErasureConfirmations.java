package ru.yavka.reminder.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The erasure_confirmation table: written by the consumer inside its Hibernate Reactive
 * transaction, drained by the relay with plain SQL on its own connection.
 */
@ApplicationScoped
public class ErasureConfirmations {

    /** A confirmation Kafka has not acknowledged yet, row-locked by one relay. */
    public record Pending(UUID eventId, UUID patientId, List<String> categories, String reason, Instant erasedAt) {
    }

    /** In the caller's transaction; a second write of the same confirmation does nothing. */
    public Uni<Void> append(UUID eventId, UUID patientId, List<String> categories, String reason, Instant at) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                        INSERT INTO erasure_confirmation (event_id, patient_id, categories, reason, erased_at)
                        VALUES (:id, :patient, :categories, :reason, :at)
                        ON CONFLICT (event_id) DO NOTHING""")
                        .setParameter("id", eventId)
                        .setParameter("patient", patientId)
                        .setParameter("categories", String.join(",", categories))
                        .setParameter("reason", reason)
                        .setParameter("at", at)
                        .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<Boolean> erased(UUID patientId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                        "SELECT count(*) FROM erasure_confirmation WHERE patient_id = :patient", Long.class)
                        .setParameter("patient", patientId)
                        .getSingleResult())
                .map(count -> count > 0);
    }

    /** Locks up to {@code limit} unsent confirmations nobody else holds. Must run inside a transaction. */
    public static List<Pending> claimUnsent(SqlConnection conn, int limit) {
        List<Pending> pending = new ArrayList<>();
        for (Row r : TouchClaims.await(conn.preparedQuery("""
                SELECT event_id, patient_id, categories, reason, erased_at FROM erasure_confirmation
                WHERE sent_at IS NULL
                ORDER BY erased_at
                LIMIT $1
                FOR UPDATE SKIP LOCKED""").execute(Tuple.of(limit)))) {
            pending.add(new Pending(r.getUUID("event_id"), r.getUUID("patient_id"),
                    List.of(r.getString("categories").split(",")), r.getString("reason"),
                    r.getOffsetDateTime("erased_at").toInstant()));
        }
        return pending;
    }

    public static void markSent(SqlClient client, List<UUID> ids, Instant sentAt) {
        if (ids.isEmpty()) {
            return;
        }
        TouchClaims.await(client.preparedQuery("UPDATE erasure_confirmation SET sent_at = $2 WHERE event_id = ANY($1)")
                .execute(Tuple.of(ids.toArray(UUID[]::new), TouchClaims.ts(sentAt))));
    }
}
