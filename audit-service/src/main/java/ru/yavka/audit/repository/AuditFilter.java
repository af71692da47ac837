package ru.yavka.audit.repository;

import java.time.Instant;
import java.util.UUID;

/** Narrows a search of the log; a null part does not narrow. {@code to} is exclusive. */
public record AuditFilter(UUID patientId, String actor, Instant from, Instant to) {
}
