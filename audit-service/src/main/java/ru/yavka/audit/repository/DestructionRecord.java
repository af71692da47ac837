package ru.yavka.audit.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * That a patient's personal data was destroyed: the log extract an act of destruction refers to
 * (Roskomnadzor Order 179). Never changed; purged when its retention is over.
 */
@Entity
@Immutable
@Table(name = "destruction_record")
public class DestructionRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The pseudonymous id of the patient, not a name: nothing else about them is kept. */
    @Column(name = "patient_id")
    public UUID patientId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "data_categories")
    public String[] dataCategories;

    /** The information system the data was destroyed in, e.g. booking-service. */
    @Column(name = "system_name")
    public String system;

    public String reason;

    @Column(name = "destroyed_at")
    public Instant destroyedAt;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;

    /** The PatientDataErased event it was made from; none when a person recorded it. */
    @Column(name = "event_id")
    public UUID eventId;
}
