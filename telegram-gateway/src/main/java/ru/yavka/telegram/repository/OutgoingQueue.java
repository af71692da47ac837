package ru.yavka.telegram.repository;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import ru.yavka.contracts.events.YavkaEvent;
import ru.yavka.telegram.config.PiiConfig;

/**
 * The durable queue of messages owed to patients. Rows go PENDING → SENDING (claimed with a
 * lease) → SENT, or back to PENDING with a later attempt time, or FAILED / SKIPPED. Only the
 * oldest live row of a patient is ever claimed, so one patient's messages leave in order.
 */
@ApplicationScoped
public class OutgoingQueue {

    /** A message to queue; {@code payload} is JSON, stored encrypted. */
    public record Item(String idempotencyKey, String kind, UUID patientId, String payload) {
    }

    /** A claimed message, with its payload decrypted. */
    public record Claimed(long id, String kind, UUID patientId, int attempts, String payload) {
    }

    private static final String ENQUEUE = """
            INSERT INTO outgoing_message (idempotency_key, kind, patient_id, payload_enc, pii_key_id, status,
                                          next_attempt_at, created_at)
            SELECT k, kd, p, pgp_sym_encrypt(pl, $5, 'cipher-algo=aes256'), $7, 'PENDING', $6, $6
            FROM unnest($1::text[], $2::text[], $3::uuid[], $4::text[]) AS t(k, kd, p, pl)
            ON CONFLICT (idempotency_key) DO NOTHING
            RETURNING idempotency_key""";

    private static final String CLAIM = """
            UPDATE outgoing_message m SET status = 'SENDING', lease_until = $2, attempts = m.attempts + 1
            WHERE m.id IN (
                SELECT head.id FROM (
                    SELECT DISTINCT ON (patient_id) id, status, next_attempt_at, lease_until
                    FROM outgoing_message
                    WHERE status IN ('PENDING', 'SENDING')
                    ORDER BY patient_id, id) head
                WHERE (head.status = 'PENDING' AND head.next_attempt_at <= $1)
                   OR (head.status = 'SENDING' AND head.lease_until < $1)
                ORDER BY head.id
                LIMIT $3)
              AND (m.status = 'PENDING' OR m.lease_until < $1)
            RETURNING m.id, m.kind, m.patient_id, m.attempts, yavka_pii_decrypt(m.payload_enc, $4, $5) AS payload""";

    private final Db db;
    private final OutboxEvents outbox;
    private final PiiKeys piiKeys;

    public OutgoingQueue(Db db, OutboxEvents outbox, PiiConfig pii) {
        this.db = db;
        this.outbox = outbox;
        this.piiKeys = new PiiKeys(pii);
    }

    /**
     * Stores the items not stored before (by idempotency key), with the audit events of the new
     * ones, in one transaction. Returns the keys that were new.
     */
    public Set<String> enqueue(List<Item> batch, Function<Item, YavkaEvent> audit, Instant now) {
        if (batch.isEmpty()) {
            return Set.of();
        }
        // A key repeated within one batch (a redelivery landing in the same poll) is stored once.
        List<Item> items = new ArrayList<>(batch.stream()
                .collect(java.util.stream.Collectors.toMap(Item::idempotencyKey, i -> i, (a, b) -> a,
                        java.util.LinkedHashMap::new)).values());
        int n = items.size();
        String[] keys = new String[n];
        String[] kinds = new String[n];
        UUID[] patients = new UUID[n];
        String[] payloads = new String[n];
        for (int i = 0; i < n; i++) {
            Item item = items.get(i);
            keys[i] = item.idempotencyKey();
            kinds[i] = item.kind();
            patients[i] = item.patientId();
            payloads[i] = item.payload();
        }
        return db.inTransaction(tx -> {
            Set<String> fresh = new HashSet<>();
            for (Row row : Db.query(tx, ENQUEUE, Tuple.tuple().addArrayOfString(keys).addArrayOfString(kinds)
                    .addArrayOfUUID(patients).addArrayOfString(payloads).addString(piiKeys.current)
                    .addOffsetDateTime(Db.ts(now)).addString(piiKeys.currentId))) {
                fresh.add(row.getString("idempotency_key"));
            }
            List<YavkaEvent> events = new ArrayList<>();
            for (Item item : items) {
                if (fresh.contains(item.idempotencyKey())) {
                    events.add(audit.apply(item));
                }
            }
            outbox.append(tx, events);
            return fresh;
        });
    }

    public List<Claimed> claim(Instant now, int limit, Duration lease) {
        List<Claimed> claimed = new ArrayList<>();
        for (Row row : db.query(CLAIM, Tuple.of(Db.ts(now), Db.ts(now.plus(lease)), limit, piiKeys.current,
                piiKeys.previous))) {
            claimed.add(new Claimed(row.getLong("id"), row.getString("kind"), row.getUUID("patient_id"),
                    row.getInteger("attempts"), row.getString("payload")));
        }
        claimed.sort(Comparator.comparingLong(Claimed::id));
        return claimed;
    }

    /**
     * Key rotation: re-encrypts with the current key up to {@code batch} contents under another
     * (or no recorded) key. Finished rows hold no content and need no key. One statement, so one
     * short transaction; a row the sender or an erasure holds is skipped rather than waited for.
     * Returns how many changed.
     */
    public int reencryptBatch(int batch) {
        try {
            return db.query("""
                    UPDATE outgoing_message
                    SET payload_enc = pgp_sym_encrypt(yavka_pii_decrypt(payload_enc, $1, $2), $1, 'cipher-algo=aes256'),
                        pii_key_id = $3
                    WHERE id IN (
                        SELECT id FROM outgoing_message
                        WHERE payload_enc IS NOT NULL AND pii_key_id IS DISTINCT FROM $3
                        LIMIT $4 FOR UPDATE SKIP LOCKED)""",
                    Tuple.of(piiKeys.current, piiKeys.previous, piiKeys.currentId, batch)).rowCount();
        } catch (RuntimeException e) {
            throw PiiKeys.mismatchOr(e, "a queued message");
        }
    }

    /** Contents not yet known to be under the current key (the same rows as {@link #reencryptBatch}). */
    public long countUnderOtherKeys() {
        return db.query("""
                SELECT count(*) AS n FROM outgoing_message
                WHERE payload_enc IS NOT NULL AND pii_key_id IS DISTINCT FROM $1""",
                Tuple.of(piiKeys.currentId)).iterator().next().getLong("n");
    }

    /** Delivered: the content is erased, the row stays as the idempotency record. */
    public void sent(long id, Integer telegramMessageId, YavkaEvent audit, Instant at) {
        db.inTransaction(tx -> {
            Db.query(tx, """
                    UPDATE outgoing_message SET status = 'SENT', payload_enc = NULL, finished_at = $2,
                        telegram_message_id = $3, lease_until = NULL, last_error = NULL
                    WHERE id = $1""", Tuple.of(id, Db.ts(at), telegramMessageId == null ? null : telegramMessageId.longValue()));
            outbox.append(tx, List.of(audit));
            return null;
        });
    }

    public void retryAt(long id, Instant at, String error) {
        db.query("""
                UPDATE outgoing_message SET status = 'PENDING', next_attempt_at = $2, lease_until = NULL, last_error = $3
                WHERE id = $1""", Tuple.of(id, Db.ts(at), error));
    }

    /** Given up (FAILED) or not to be sent at all (SKIPPED); the content is erased either way. */
    public void finish(long id, String status, String reason, Instant at) {
        db.query("""
                UPDATE outgoing_message SET status = $2, payload_enc = NULL, finished_at = $3, lease_until = NULL,
                    last_error = $4
                WHERE id = $1""", Tuple.of(id, status, Db.ts(at), reason));
    }

    /** Consent withdrawn: nothing more goes out to this patient. */
    public int skipAllFor(SqlClient tx, UUID patientId, Instant at) {
        return Db.query(tx, """
                UPDATE outgoing_message SET status = 'SKIPPED', payload_enc = NULL, finished_at = $2, lease_until = NULL,
                    last_error = 'consent withdrawn'
                WHERE patient_id = $1 AND status IN ('PENDING', 'SENDING')""", Tuple.of(patientId, Db.ts(at)))
                .rowCount();
    }

    public long live() {
        return db.query("SELECT count(*) AS n FROM outgoing_message WHERE status IN ('PENDING', 'SENDING')",
                Tuple.tuple()).iterator().next().getLong("n");
    }

    public int purgeFinishedBefore(Instant before) {
        return db.query("DELETE FROM outgoing_message WHERE finished_at < $1", Tuple.of(Db.ts(before))).rowCount();
    }
}
