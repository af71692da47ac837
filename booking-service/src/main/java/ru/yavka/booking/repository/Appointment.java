package ru.yavka.booking.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import ru.yavka.contracts.events.AppointmentSource;

@Entity
@Table(name = "appointment")
public class Appointment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "patient_id")
    public UUID patientId;

    @Column(name = "slot_id")
    public UUID slotId;

    @Column(name = "doctor_id")
    public UUID doctorId;

    public String specialty;

    @Column(name = "start_at")
    public Instant start;

    @Column(name = "end_at")
    public Instant end;

    @Enumerated(EnumType.STRING)
    public AppointmentStatus status;

    @Enumerated(EnumType.STRING)
    public AppointmentSource source;

    @Column(name = "rescheduled_to")
    public UUID rescheduledTo;

    @Column(name = "cancel_reason")
    public String cancelReason;

    /** Aggregate version: 1 when booked, +1 with every change. */
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;
}
