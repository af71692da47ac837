package ru.yavka.reminder.repository;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A planned touch, and the outbox row of its ReminderDue: {@link #id} is the event id and
 * {@link #idempotencyKey} the key the gateway dedupes on, both fixed when planned.
 */
@Entity
@Table(name = "touch")
public class Touch extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "appointment_id")
    public UUID appointmentId;

    @Column(name = "patient_id")
    public UUID patientId;

    public String kind;

    @Enumerated(EnumType.STRING)
    public TouchAction action;

    /** Position in the appointment's plan; the ReminderDue's aggregate version. */
    public int seq;

    @Column(name = "due_at")
    public Instant dueAt;

    /** Before a quiet-hours move. */
    @Column(name = "planned_due_at")
    public Instant plannedDueAt;

    /** Claim order; equals dueAt until a failed attempt pushes it back. */
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Enumerated(EnumType.STRING)
    public TouchStatus status;

    /** Why a touch was skipped or cancelled, or how a no-show check ended. */
    public String reason;

    @Column(name = "asks_confirmation")
    public boolean asksConfirmation;

    public String template;

    /** ReminderDue.params as a JSON object. */
    public String params;

    /** Comma-separated ReminderDue.buttons. */
    public String buttons;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** CONFIRMED, CANCELLED or RESCHEDULED: what the patient (or staff) did after this touch. */
    public String answer;

    @Column(name = "answered_at")
    public Instant answeredAt;

    @Column(name = "created_at")
    public Instant createdAt;

    public List<String> buttonList() {
        return buttons == null || buttons.isEmpty() ? List.of() : Arrays.asList(buttons.split(","));
    }

    /** Stable across re-sends and replicas; includes the due time so a replanned touch is a new message. */
    public static String idempotencyKey(UUID appointmentId, String kind, Instant dueAt) {
        return appointmentId + ":" + kind + ":" + dueAt.getEpochSecond();
    }
}
