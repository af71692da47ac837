package ru.yavka.integration.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ru.yavka.contracts.events.DataAccessed;
import ru.yavka.contracts.events.EventMeta;
import ru.yavka.contracts.events.PatientDataErased;
import ru.yavka.contracts.events.PatientErasureRequested;
import ru.yavka.integration.client.ServiceToken;
import ru.yavka.integration.repository.PatientErasures;

/**
 * The clinic's erasure of a patient (152-FZ), after booking-service erased its own record. This
 * service never stores names or phones; what ties a patient id to the person here is the link to
 * their 1C card (table and Redis cache), the link to their counterparty in 1C:Бухгалтерия, the
 * services billed for their visits and the details of their appointments. Those go; what 1C itself
 * holds stays (see README, "Erasure").
 */
@ApplicationScoped
public class PatientErasure {

    static final List<String> CATEGORIES = List.of("1c-card-link", "1c-counterparty-link", "billed-services",
            "appointment-details");

    private final PatientErasures erasures;
    private final OneCCache cache;
    private final AuditTrail audit;
    private final Clock clock;

    public PatientErasure(PatientErasures erasures, OneCCache cache, AuditTrail audit, Clock clock) {
        this.erasures = erasures;
        this.cache = cache;
        this.audit = audit;
        this.clock = clock;
    }

    /** False when the request was carried out before. */
    public boolean erase(PatientErasureRequested request) {
        UUID patientId = request.patientId();
        Instant now = clock.instant();
        // Redis first: if the transaction then fails, the redelivered request forgets it again.
        cache.forget(CardFeed.cacheName(patientId));
        PatientDataErased confirmation = new PatientDataErased(new EventMeta(confirmationId(request),
                EventMeta.CURRENT_SCHEMA_VERSION, now, patientId.toString(), 0), patientId, ServiceToken.SERVICE,
                CATEGORIES, request.reason());
        DataAccessed deleted = new DataAccessed(EventMeta.next(patientId.toString(), 0, now), audit.self().name(),
                audit.self().role(), patientId, "patient", request.meta().eventId().toString(),
                DataAccessed.Action.DELETE, "patient-erasure", ServiceToken.SERVICE);
        return erasures.erase(patientId, confirmation, deleted);
    }

    static UUID confirmationId(PatientErasureRequested request) {
        return UUID.nameUUIDFromBytes((ServiceToken.SERVICE + ":erased:" + request.meta().eventId())
                .getBytes(StandardCharsets.UTF_8));
    }
}
