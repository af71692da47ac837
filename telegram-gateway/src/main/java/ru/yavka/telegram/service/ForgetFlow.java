package ru.yavka.telegram.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.mutiny.sqlclient.SqlClient;
import ru.yavka.contracts.events.DataAccessed;
import ru.yavka.telegram.repository.ChatLinks;
import ru.yavka.telegram.repository.ConsentWithdrawals;
import ru.yavka.telegram.repository.Db;
import ru.yavka.telegram.repository.OutboxEvents;
import ru.yavka.telegram.repository.OutgoingQueue;

/**
 * /forget: the patient withdraws consent. The gateway records the request (for the erasure that
 * the clinic carries out elsewhere), stops every message still queued for the patient, forgets
 * the chat link and the dialog state, and tells the patient exactly that.
 */
@ApplicationScoped
public class ForgetFlow {

    static final String PURPOSE = "consent-withdrawal";

    private final Db db;
    private final ConsentWithdrawals withdrawals;
    private final OutgoingQueue queue;
    private final OutboxEvents outbox;
    private final ChatLinks links;
    private final SessionStore sessions;
    private final AuditTrail audit;
    private final Ui ui;
    private final Texts texts;
    private final Clock clock;

    public ForgetFlow(Db db, ConsentWithdrawals withdrawals, OutgoingQueue queue, OutboxEvents outbox,
            ChatLinks links, SessionStore sessions, AuditTrail audit, Ui ui, Texts texts, Clock clock) {
        this.db = db;
        this.withdrawals = withdrawals;
        this.queue = queue;
        this.outbox = outbox;
        this.links = links;
        this.sessions = sessions;
        this.audit = audit;
        this.ui = ui;
        this.texts = texts;
        this.clock = clock;
    }

    public void forget(Chat chat) {
        if (!chat.consented()) {
            ui.send(chat, texts.get("forget.nothing"), ui.noKeyboard());
            return;
        }
        UUID reference = UUID.randomUUID();
        UUID patientId = chat.session.patientId;
        Instant now = clock.instant();
        db.inTransaction(tx -> {
            withdrawals.record(tx, reference, chat.key, patientId, now);
            if (patientId != null) {
                outbox.append(tx, List.of(audit.event(chat.actor, AuditTrail.PATIENT_ROLE, patientId, "consent",
                        reference, DataAccessed.Action.UPDATE, PURPOSE)));
            }
            forgetChats(tx, patientId, List.of(chat.key), now);
            return null;
        });
        chat.session = null;
        ui.send(chat, texts.get("forget.done", "ref", reference.toString().substring(0, 8).toUpperCase(Locale.ROOT)),
                ui.noKeyboard());
    }

    /**
     * Stops every message still queued for the patient and forgets the chats: their links in the
     * caller's transaction, their dialog states in Redis. Call it last before the commit: a Redis
     * failure then rolls the forgetting back to be tried again rather than leave a state behind.
     */
    void forgetChats(SqlClient tx, UUID patientId, Collection<String> chatKeys, Instant now) {
        if (patientId != null) {
            queue.skipAllFor(tx, patientId, now);
        }
        for (String chatKey : chatKeys) {
            links.unlink(tx, chatKey);
            sessions.delete(chatKey);
        }
    }
}
