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

@Entity
@Table(name = "slot")
public class Slot extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "doctor_id")
    public UUID doctorId;

    @Column(name = "start_at")
    public Instant start;

    @Column(name = "duration_minutes")
    public int durationMinutes;

    @Enumerated(EnumType.STRING)
    public SlotStatus status;

    @Column(name = "external_id")
    public String externalId;

    /** Aggregate version carried by SlotReleased. */
    public long version;

    public Instant end() {
        return start.plusSeconds(durationMinutes * 60L);
    }
}
