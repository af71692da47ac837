package ru.yavka.booking.repository;

import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import ru.yavka.booking.config.PiiConfig;

/**
 * Every operation first hands the pgcrypto passphrase to the current transaction
 * ({@code set_config(..., is_local = true)}), so it is gone when the transaction ends and
 * a query outside a transaction cannot decrypt at all.
 */
@ApplicationScoped
public class PatientRepository implements PanacheRepositoryBase<Patient, UUID> {

    private final PiiConfig pii;

    public PatientRepository(PiiConfig pii) {
        this.pii = pii;
    }

    public Uni<Patient> findDecrypted(UUID id) {
        return unlocked(() -> findById(id));
    }

    public Uni<Patient> findByPhoneHmac(String phoneHmac) {
        return unlocked(() -> find("phoneHmac", phoneHmac).firstResult());
    }

    public Uni<Patient> findByChatIdHmac(String chatIdHmac) {
        return unlocked(() -> find("chatIdHmac", chatIdHmac).firstResult());
    }

    public Uni<Patient> insert(Patient patient) {
        return unlocked(() -> persistAndFlush(patient));
    }

    /** Row lock without decrypting: serializes one patient's concurrent bookings. */
    public Uni<Boolean> lockExisting(UUID id) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("select 1 from patient where id = :id for update")
                        .setParameter("id", id)
                        .getResultList())
                .map(rows -> !rows.isEmpty());
    }

    public Uni<Boolean> hasConsent(UUID id) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("select consent_given from patient where id = :id",
                                Boolean.class)
                        .setParameter("id", id)
                        .getResultList())
                .map(rows -> !rows.isEmpty() && Boolean.TRUE.equals(rows.get(0)));
    }

    private <T> Uni<T> unlocked(Supplier<Uni<T>> work) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("select set_config('yavka.pii_key', :key, true)")
                        .setParameter("key", pii.key())
                        .getSingleResult())
                .chain(ignored -> work.get());
    }
}
