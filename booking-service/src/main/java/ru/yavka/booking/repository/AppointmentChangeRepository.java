package ru.yavka.booking.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AppointmentChangeRepository implements PanacheRepository<AppointmentChange> {

    public Uni<List<AppointmentChange>> history(UUID appointmentId) {
        return list("appointmentId = ?1 order by id", appointmentId);
    }
}
