package ru.yavka.telegram.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Withdrawals of consent asked for with /forget. A request stays REQUESTED until the erasure
 * behind it is done elsewhere, or the patient consents again in the chat (RENEWED).
 */
@ApplicationScoped
public class ConsentWithdrawals {

    private final Db db;

    public ConsentWithdrawals(Db db) {
        this.db = db;
    }

    public void record(SqlClient tx, UUID id, String chatKey, UUID patientId, Instant at) {
        Db.query(tx, """
                INSERT INTO consent_withdrawal (id, chat_key, patient_id, requested_at, status)
                VALUES ($1, $2, $3, $4, 'REQUESTED')""", Tuple.of(id, chatKey, patientId, Db.ts(at)));
    }

    /** The chats the patient's open withdrawals came from. */
    public List<String> openChatKeysOf(SqlClient tx, UUID patientId) {
        List<String> keys = new ArrayList<>();
        for (Row row : Db.query(tx, "SELECT DISTINCT chat_key FROM consent_withdrawal WHERE patient_id = $1"
                + " AND status = 'REQUESTED'", Tuple.of(patientId))) {
            keys.add(row.getString("chat_key"));
        }
        return keys;
    }

    /**
     * The erasure these records waited for is done: the patient's withdrawals go, and so do the
     * ones from its chats that never got as far as a patient. The erasure itself is on record
     * in the audit log.
     */
    public void forget(SqlClient tx, UUID patientId, Collection<String> chatKeys) {
        Db.query(tx, """
                DELETE FROM consent_withdrawal
                WHERE patient_id = $1 OR (patient_id IS NULL AND chat_key = ANY($2))""",
                Tuple.of(patientId, chatKeys.toArray(String[]::new)));
    }

    public boolean openForChat(String chatKey) {
        return db.query("SELECT 1 FROM consent_withdrawal WHERE chat_key = $1 AND status = 'REQUESTED' LIMIT 1",
                Tuple.of(chatKey)).size() > 0;
    }

    public boolean openForPatient(UUID patientId) {
        return db.query("SELECT 1 FROM consent_withdrawal WHERE patient_id = $1 AND status = 'REQUESTED' LIMIT 1",
                Tuple.of(patientId)).size() > 0;
    }

    /** The patient consented again in this chat: earlier withdrawals from it no longer stand. */
    public void renew(String chatKey, UUID patientId, Instant at) {
        db.query("""
                UPDATE consent_withdrawal SET status = 'RENEWED', closed_at = $3
                WHERE status = 'REQUESTED' AND (chat_key = $1 OR patient_id = $2)""",
                Tuple.of(chatKey, patientId, Db.ts(at)));
    }
}
