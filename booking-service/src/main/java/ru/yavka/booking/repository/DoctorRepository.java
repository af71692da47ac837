package ru.yavka.booking.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class DoctorRepository implements PanacheRepositoryBase<Doctor, UUID> {

    public Uni<List<Doctor>> listBySpecialty(String specialty) {
        return specialty == null
                ? list("order by specialty, fullName")
                : list("specialty = ?1 order by fullName", specialty);
    }

    public Uni<Doctor> findByExternalId(String externalId) {
        return find("externalId", externalId).firstResult();
    }
}
