package ru.yavka.notification.service;

import java.time.Duration;
import java.util.UUID;

/**
 * An alert before it is stored. {@code topicKey} names what the alert is about (an appointment,
 * a breaker): a newer alert about the same thing replaces an undelivered older one at the push
 * service (RFC 8030 Topic).
 */
public record AlertDraft(AlertKind kind, String title, String body, String url, UUID doctorId, String topicKey,
        Duration ttl, UUID sourceEventId, String recipient) {
}
