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
    private final String keyId;

    public PatientRepository(PiiConfig pii) {
        this.pii = pii;
        this.keyId = fingerprint(pii.key());
    }

    /** Which key encrypts new writes, as a fingerprint that reveals nothing of the key. */
    public String currentKeyId() {
        return keyId;
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
        patient.piiKeyId = keyId;
        return unlocked(() -> persistAndFlush(patient));
    }

    /**
     * Re-encrypts up to {@code batch} rows still under another key with the current one;
     * rows are skipped, not waited for, when a request holds them. Returns how many changed.
     */
    public Uni<Integer> reencryptBatch(int batch) {
        String encrypt = "pgp_sym_encrypt(yavka_pii_decrypt(%1$s), current_setting('yavka.pii_key'), 'cipher-algo=aes256')";
        return unlocked(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                        "update patient set full_name = " + encrypt.formatted("full_name")
                                + ", phone = " + encrypt.formatted("phone")
                                + ", birth_date = " + encrypt.formatted("birth_date")
                                + ", telegram_chat_id = " + encrypt.formatted("telegram_chat_id")
                                + ", pii_key_id = :keyId"
                                + " where id in (select id from patient where pii_key_id is distinct from :keyId"
                                + " and erased_at is null limit :batch for update skip locked)")
                .setParameter("keyId", keyId)
                .setParameter("batch", batch)
                .executeUpdate()));
    }

    public Uni<Long> countUnderOtherKeys() {
        return count("piiKeyId is distinct from ?1 and erasedAt is null", keyId);
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

    private static String fingerprint(String key) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest(("yavka-pii-key-id:" + key).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> Uni<T> unlocked(Supplier<Uni<T>> work) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("select set_config('yavka.pii_key', :key, true),"
                                + " set_config('yavka.pii_previous_key', :previous, true)")
                        .setParameter("key", pii.key())
                        .setParameter("previous", pii.previousKey().orElse(""))
                        .getSingleResult())
                .chain(ignored -> work.get());
    }
}
