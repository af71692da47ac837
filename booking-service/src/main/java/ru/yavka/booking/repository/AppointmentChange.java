package ru.yavka.booking.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One line of an appointment's history: who moved it from which state to which, and when. */
@Entity
@Table(name = "appointment_change")
public class AppointmentChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "appointment_id")
    public UUID appointmentId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public AppointmentStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public AppointmentStatus toStatus;

    public String actor;

    @Column(name = "changed_at")
    public Instant changedAt;

    public String note;
}
