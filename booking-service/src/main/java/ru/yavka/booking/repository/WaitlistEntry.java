package ru.yavka.booking.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

@Entity
@Table(name = "waitlist_entry")
public class WaitlistEntry extends PanacheEntityBase {

    public enum Status {
        WAITING, OFFERED, BOOKED, CANCELLED
    }

    @Id
    public UUID id;

    @Column(name = "patient_id")
    public UUID patientId;

    public String specialty;

    /** Set when the patient waits for one doctor rather than any of the specialty. */
    @Column(name = "doctor_id")
    public UUID doctorId;

    @Column(name = "from_date")
    public LocalDate fromDate;

    @Column(name = "to_date")
    public LocalDate toDate;

    @Enumerated(EnumType.STRING)
    public Status status;

    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;
}
