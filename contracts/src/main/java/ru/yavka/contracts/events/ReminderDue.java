package ru.yavka.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Aggregate: the appointment's reminder plan. {@code idempotencyKey} is stable across
 * redeliveries of the same touch, so the gateway sends each touch to the patient once.
 * {@code template} names the Russian message template; {@code params} fill it.
 */
public record ReminderDue(
        EventMeta meta,
        String idempotencyKey,
        UUID appointmentId,
        UUID patientId,
        String touchKind,
        Instant dueAt,
        String template,
        Map<String, String> params,
        List<String> buttons) implements YavkaEvent {

    public ReminderDue {
        params = params == null ? Map.of() : Map.copyOf(params);
        buttons = buttons == null ? List.of() : List.copyOf(buttons);
    }
}
