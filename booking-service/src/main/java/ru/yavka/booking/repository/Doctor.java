package ru.yavka.booking.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

@Entity
@Table(name = "doctor")
public class Doctor extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "full_name")
    public String fullName;

    public String specialty;

    public String branch;

    public String address;

    @Column(name = "external_id")
    public String externalId;

    @Column(name = "created_at")
    public Instant createdAt;
}
