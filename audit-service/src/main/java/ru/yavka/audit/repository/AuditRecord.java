package ru.yavka.audit.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A stored DataAccessed event, for reading only: records are written by {@link AuditChainStore}. */
@Entity
@Immutable
@Table(name = "audit_record")
public class AuditRecord extends PanacheEntityBase {

    @Id
    public Long seq;

    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    public String actor;

    @Column(name = "actor_role")
    public String actorRole;

    @Column(name = "patient_id")
    public UUID patientId;

    @Column(name = "record_type")
    public String recordType;

    @Column(name = "record_id")
    public String recordId;

    public String action;

    public String purpose;

    public String service;

    @Column(name = "stored_at")
    public Instant storedAt;

    @Column(name = "prev_hash")
    public String prevHash;

    public String hash;
}
