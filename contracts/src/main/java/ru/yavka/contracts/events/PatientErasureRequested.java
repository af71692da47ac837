package ru.yavka.contracts.events;

import java.util.UUID;

/**
 * The patient withdrew consent (152-FZ Art. 9, 21): every service stops processing and erases
 * or anonymizes what it holds about {@code patientId}, then answers with {@link PatientDataErased}.
 * Aggregate: the patient.
 */
public record PatientErasureRequested(
        EventMeta meta,
        UUID patientId,
        String requestedBy,
        String channel,
        String reason) implements YavkaEvent {
}
