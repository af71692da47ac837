package ru.yavka.reminder.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * The appointment as reminders see it. Details come from AppointmentBooked once; the status
 * only ever moves to a higher aggregate version, whatever order the topics deliver in.
 */
@Entity
@Table(name = "appointment")
public class Appointment extends PanacheEntityBase {

    @Id
    @Column(name = "appointment_id")
    public UUID id;

    @Column(name = "patient_id")
    public UUID patientId;

    @Column(name = "slot_id")
    public UUID slotId;

    @Column(name = "doctor_id")
    public UUID doctorId;

    @Column(name = "doctor_name")
    public String doctorName;

    public String specialty;

    public String address;

    @Column(name = "start_at")
    public Instant startAt;

    @Column(name = "duration_minutes")
    public Integer durationMinutes;

    public String tier;

    /** AppointmentBooked has been applied: the details above are known and touches were planned. */
    public boolean booked;

    @Enumerated(EnumType.STRING)
    public AppointmentStatus status;

    /** The aggregate version of the event that set {@link #status}; older events are stale. */
    @Column(name = "status_version")
    public long statusVersion;

    public boolean confirmed;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** True when an event of this version may still change the status. */
    public boolean acceptsVersion(long version) {
        return version > statusVersion;
    }

    public void moveTo(AppointmentStatus newStatus, long version, Instant now) {
        status = newStatus;
        statusVersion = version;
        updatedAt = now;
    }
}
