package ru.yavka.notification.repository;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A staff member's browser that takes pushes: its push resource and the keys to encrypt for it. */
@Entity
@Table(name = "push_subscription")
public class PushSubscription extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "user_name")
    public String userName;

    /** The staff role the pushes are chosen by (the first of admin, registrar, doctor the user has). */
    public String role;

    public String endpoint;

    /** The browser's P-256 public key (keys.p256dh), base64url. */
    public String p256dh;

    /** The browser's auth secret (keys.auth), base64url. */
    public String auth;

    @Column(name = "user_agent")
    public String userAgent;

    /** Doctors followed; empty means every doctor. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "push_subscription_doctor", joinColumns = @JoinColumn(name = "subscription_id"))
    @Column(name = "doctor_id")
    public Set<UUID> doctorIds = new HashSet<>();

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "last_success_at")
    public Instant lastSuccessAt;
}
