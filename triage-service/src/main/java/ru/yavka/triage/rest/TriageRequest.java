package ru.yavka.triage.rest;

import java.util.UUID;

/**
 * {@code text}: the symptoms in the patient's words. {@code patientId} (optional): whose symptoms,
 * so the audit event names the patient; it never leaves the service in any other way.
 */
public record TriageRequest(String text, UUID patientId) {
}
