package ru.yavka.integration.service;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ru.yavka.contracts.events.DataAccessed;
import ru.yavka.contracts.events.EventMeta;
import ru.yavka.integration.client.ServiceToken;
import ru.yavka.integration.config.OneCConfig;
import ru.yavka.integration.repository.Outbox;

/**
 * DataAccessed (152-FZ) for every read of a patient's data and every export of it to 1C.
 * An export is recorded before it is sent: an export that may have reached 1C must be on record
 * even if 1C never answered.
 */
@ApplicationScoped
public class AuditTrail {

    private final Outbox outbox;
    private final Clock clock;
    private final Actor self;

    public AuditTrail(Outbox outbox, Clock clock, OneCConfig config) {
        this.outbox = outbox;
        this.clock = clock;
        this.self = Actor.system(ServiceToken.SERVICE, config.auditPurpose());
    }

    /** This service itself, acting for the exchange with 1C. */
    public Actor self() {
        return self;
    }

    public void record(Actor actor, UUID patientId, String recordType, Object recordId, DataAccessed.Action action) {
        outbox.append(new DataAccessed(EventMeta.next(patientId.toString(), 0, clock.instant()), actor.name(),
                actor.role(), patientId, recordType, String.valueOf(recordId), action, actor.purpose(),
                ServiceToken.SERVICE));
    }
}
