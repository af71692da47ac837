package ru.yavka.telegram.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ru.yavka.contracts.events.DataAccessed;
import ru.yavka.contracts.events.EventMeta;
import ru.yavka.contracts.events.PatientDataErased;
import ru.yavka.contracts.events.PatientErasureRequested;
import ru.yavka.telegram.repository.ButtonPresses;
import ru.yavka.telegram.repository.ChatLinks;
import ru.yavka.telegram.repository.ConsentWithdrawals;
import ru.yavka.telegram.repository.Db;
import ru.yavka.telegram.repository.OutboxEvents;

/**
 * The clinic's erasure of a patient (152-FZ), after booking-service erased its own record. The
 * gateway forgets every chat of the patient the way /forget forgets one, drops those chats'
 * button presses and the withdrawal records that waited for this erasure, and confirms with
 * PatientDataErased. All of it commits in one transaction with the confirmation, whose id is
 * derived from the request's: a redelivered request finds it and changes nothing.
 */
@ApplicationScoped
public class PatientErasure {

    static final List<String> CATEGORIES = List.of("telegram-chat-id", "dialog-state", "queued-messages",
            "button-presses", "consent-withdrawals");
    static final String PURPOSE = "patient-erasure";

    private final Db db;
    private final OutboxEvents outbox;
    private final ChatLinks links;
    private final ConsentWithdrawals withdrawals;
    private final ButtonPresses presses;
    private final ForgetFlow forget;
    private final AuditTrail audit;
    private final Clock clock;

    public PatientErasure(Db db, OutboxEvents outbox, ChatLinks links, ConsentWithdrawals withdrawals,
            ButtonPresses presses, ForgetFlow forget, AuditTrail audit, Clock clock) {
        this.db = db;
        this.outbox = outbox;
        this.links = links;
        this.withdrawals = withdrawals;
        this.presses = presses;
        this.forget = forget;
        this.audit = audit;
        this.clock = clock;
    }

    /** False when the request was carried out before. */
    public boolean erase(PatientErasureRequested request) {
        UUID patientId = request.patientId();
        Instant now = clock.instant();
        PatientDataErased confirmation = new PatientDataErased(new EventMeta(confirmationId(request),
                EventMeta.CURRENT_SCHEMA_VERSION, now, patientId.toString(), 0), patientId, AuditTrail.SERVICE,
                CATEGORIES, request.reason());
        return db.inTransaction(tx -> {
            if (!outbox.appendFirst(tx, confirmation)) {
                return false;
            }
            // A chat that withdrew with /forget has no link any more; its withdrawal still names it.
            Set<String> chats = new LinkedHashSet<>(links.chatKeysOf(tx, patientId));
            chats.addAll(withdrawals.openChatKeysOf(tx, patientId));
            presses.forgetChats(tx, chats);
            withdrawals.forget(tx, patientId, chats);
            outbox.append(tx, List.of(audit.event(AuditTrail.SERVICE, "service", patientId, "telegram-chat",
                    request.meta().eventId(), DataAccessed.Action.DELETE, PURPOSE)));
            forget.forgetChats(tx, patientId, chats, now);
            return true;
        });
    }

    static UUID confirmationId(PatientErasureRequested request) {
        return UUID.nameUUIDFromBytes((AuditTrail.SERVICE + ":erased:" + request.meta().eventId())
                .getBytes(StandardCharsets.UTF_8));
    }
}
