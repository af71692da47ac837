package ru.yavka.telegram.service;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ru.yavka.contracts.events.DataAccessed;
import ru.yavka.contracts.events.EventMeta;
import ru.yavka.telegram.repository.Db;
import ru.yavka.telegram.repository.OutboxEvents;

/**
 * DataAccessed (152-FZ) for every read or write of patient data the gateway does, through the
 * outbox. A patient acting in their chat is {@code telegram:<chat key>}, never the chat id.
 */
@ApplicationScoped
public class AuditTrail {

    public static final String SERVICE = "telegram-gateway";
    public static final String PATIENT_ROLE = "patient";

    private final Db db;
    private final OutboxEvents outbox;
    private final Clock clock;

    public AuditTrail(Db db, OutboxEvents outbox, Clock clock) {
        this.db = db;
        this.outbox = outbox;
        this.clock = clock;
    }

    public DataAccessed event(String actor, String role, UUID patientId, String recordType, Object recordId,
            DataAccessed.Action action, String purpose) {
        return new DataAccessed(EventMeta.next(patientId.toString(), 0, clock.instant()), actor, role, patientId,
                recordType, String.valueOf(recordId), action, purpose, SERVICE);
    }

    /** A patient's own action in their chat. */
    public void byPatient(String actor, UUID patientId, String recordType, Object recordId,
            DataAccessed.Action action, String purpose) {
        if (patientId == null) {
            return;
        }
        DataAccessed event = event(actor, PATIENT_ROLE, patientId, recordType, recordId, action, purpose);
        db.inTransaction(tx -> {
            outbox.append(tx, List.of(event));
            return null;
        });
    }
}
