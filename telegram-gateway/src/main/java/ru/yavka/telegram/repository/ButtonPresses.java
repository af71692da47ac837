package ru.yavka.telegram.repository;

import java.time.Instant;
import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** The first press of a button claims it; the second press of the same button finds it taken. */
@ApplicationScoped
public class ButtonPresses {

    private final Db db;

    public ButtonPresses(Db db) {
        this.db = db;
    }

    /** True for the first press of {@code target} on this message. */
    public boolean claim(String chatKey, long messageId, String target, Instant at) {
        return db.query("""
                INSERT INTO button_press (chat_key, message_id, target, pressed_at) VALUES ($1, $2, $3, $4)
                ON CONFLICT DO NOTHING""", Tuple.of(chatKey, messageId, target, Db.ts(at))).rowCount() == 1;
    }

    /** When the action could not be carried out, the button works again. */
    public void release(String chatKey, long messageId, String target) {
        db.query("DELETE FROM button_press WHERE chat_key = $1 AND message_id = $2 AND target = $3",
                Tuple.of(chatKey, messageId, target));
    }

    public void forgetChats(SqlClient tx, Collection<String> chatKeys) {
        Db.query(tx, "DELETE FROM button_press WHERE chat_key = ANY($1)", Tuple.of(chatKeys.toArray(String[]::new)));
    }

    public int purgeBefore(Instant before) {
        return db.query("DELETE FROM button_press WHERE pressed_at < $1", Tuple.of(Db.ts(before))).rowCount();
    }
}
