package ru.yavka.telegram.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import ru.yavka.telegram.config.PiiConfig;

/**
 * The gateway's own record of which chat belongs to which patient. Only a chat that consented
 * and shared its owner's phone gets here; a chat taken over by another patient, or one that
 * withdrew consent, leaves.
 */
@ApplicationScoped
public class ChatLinks {

    private final Db db;
    private final PiiKeys piiKeys;

    public ChatLinks(Db db, PiiConfig pii) {
        this.db = db;
        this.piiKeys = new PiiKeys(pii);
    }

    public void link(UUID patientId, String chatKey, long chatId, String consentVersion, Instant at) {
        db.inTransaction(tx -> {
            // The chat may have belonged to someone else before (booking moved it): it is ours now.
            Db.query(tx, "DELETE FROM chat_link WHERE chat_key = $1 AND patient_id <> $2", Tuple.of(chatKey, patientId));
            Db.query(tx, """
                    INSERT INTO chat_link (patient_id, chat_key, chat_id_enc, pii_key_id, consent_version, linked_at)
                    VALUES ($1, $2, pgp_sym_encrypt($3, $4, 'cipher-algo=aes256'), $5, $6, $7)
                    ON CONFLICT (patient_id) DO UPDATE SET chat_key = EXCLUDED.chat_key,
                        chat_id_enc = EXCLUDED.chat_id_enc, pii_key_id = EXCLUDED.pii_key_id,
                        consent_version = EXCLUDED.consent_version, linked_at = EXCLUDED.linked_at""",
                    Tuple.from(new Object[] {patientId, chatKey, Long.toString(chatId), piiKeys.current,
                        piiKeys.currentId, consentVersion, Db.ts(at)}));
            return null;
        });
    }

    public Optional<UUID> patientOf(String chatKey) {
        RowSet<Row> rows = db.query("SELECT patient_id FROM chat_link WHERE chat_key = $1", Tuple.of(chatKey));
        return rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getUUID("patient_id"));
    }

    /** The chat id, whichever of the current and (during a rotation) previous keys it is under. */
    public Optional<Long> chatOf(UUID patientId) {
        RowSet<Row> rows = db.query(
                "SELECT yavka_pii_decrypt(chat_id_enc, $2, $3) AS chat FROM chat_link WHERE patient_id = $1",
                Tuple.of(patientId, piiKeys.current, piiKeys.previous));
        return rows.size() == 0 ? Optional.empty()
                : Optional.of(Long.parseLong(rows.iterator().next().getString("chat")));
    }

    /**
     * Key rotation: re-encrypts with the current key up to {@code batch} links under another (or
     * no recorded) key. One statement, so one short transaction; a link another transaction holds
     * (a dialog linking it, an erasure) is skipped rather than waited for. Returns how many changed.
     */
    public int reencryptBatch(int batch) {
        try {
            return db.query("""
                    UPDATE chat_link
                    SET chat_id_enc = pgp_sym_encrypt(yavka_pii_decrypt(chat_id_enc, $1, $2), $1, 'cipher-algo=aes256'),
                        pii_key_id = $3
                    WHERE patient_id IN (
                        SELECT patient_id FROM chat_link WHERE pii_key_id IS DISTINCT FROM $3
                        LIMIT $4 FOR UPDATE SKIP LOCKED)""",
                    Tuple.of(piiKeys.current, piiKeys.previous, piiKeys.currentId, batch)).rowCount();
        } catch (RuntimeException e) {
            throw PiiKeys.mismatchOr(e, "a chat link");
        }
    }

    /** Links not yet known to be under the current key. */
    public long countUnderOtherKeys() {
        return db.query("SELECT count(*) AS n FROM chat_link WHERE pii_key_id IS DISTINCT FROM $1",
                Tuple.of(piiKeys.currentId)).iterator().next().getLong("n");
    }

    /** Forgets the chat, in the caller's transaction. */
    public void unlink(SqlClient tx, String chatKey) {
        Db.query(tx, "DELETE FROM chat_link WHERE chat_key = $1", Tuple.of(chatKey));
    }

    /** The chats linked to the patient, locked until the caller's transaction ends. */
    public List<String> chatKeysOf(SqlClient tx, UUID patientId) {
        List<String> keys = new ArrayList<>();
        for (Row row : Db.query(tx, "SELECT chat_key FROM chat_link WHERE patient_id = $1 FOR UPDATE",
                Tuple.of(patientId))) {
            keys.add(row.getString("chat_key"));
        }
        return keys;
    }
}
