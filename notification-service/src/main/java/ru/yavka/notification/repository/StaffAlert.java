package ru.yavka.notification.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** Something staff are told, once, to every device of the people it concerns. */
@Entity
@Table(name = "staff_alert")
public class StaffAlert extends PanacheEntityBase {

    @Id
    public UUID id;

    public String kind;

    public String title;

    public String body;

    /** Where the PWA opens when the notification is clicked. */
    public String url;

    @Column(name = "doctor_id")
    public UUID doctorId;

    /** Comma-separated staff roles. */
    public String audience;

    /** Set for an alert meant for one user only (the "test my notifications" button). */
    public String recipient;

    public String urgency;

    public String topic;

    @Column(name = "ttl_seconds")
    public int ttlSeconds;

    @Column(name = "source_event_id")
    public UUID sourceEventId;

    @Column(name = "created_at")
    public Instant createdAt;
}
