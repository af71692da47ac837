package ru.yavka.notification.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PushSubscriptionRepository implements PanacheRepositoryBase<PushSubscription, UUID> {

    public Uni<PushSubscription> findByEndpoint(String endpoint) {
        return find("endpoint", endpoint).firstResult();
    }

    public Uni<List<PushSubscription>> ofUser(String userName) {
        return list("userName = ?1 order by createdAt", userName);
    }
}
