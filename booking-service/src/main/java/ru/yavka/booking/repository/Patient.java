package ru.yavka.booking.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * Personal data is encrypted by PostgreSQL itself (pgcrypto, AES-256). The passphrase is set
 * per transaction by {@link PatientRepository} and is never stored in the database; reads go
 * through {@code yavka_pii_decrypt}, which also accepts the previous key during a rotation.
 */
@Entity
@Table(name = "patient")
public class Patient extends PanacheEntityBase {

    static final String ENCRYPT = "pgp_sym_encrypt(?, current_setting('yavka.pii_key'), 'cipher-algo=aes256')";

    @Id
    public UUID id;

    @Column(name = "full_name", columnDefinition = "bytea")
    @ColumnTransformer(read = "yavka_pii_decrypt(full_name)", write = ENCRYPT)
    public String fullName;

    @Column(name = "phone", columnDefinition = "bytea")
    @ColumnTransformer(read = "yavka_pii_decrypt(phone)", write = ENCRYPT)
    public String phone;

    /** ISO date, kept as encrypted text. */
    @Column(name = "birth_date", columnDefinition = "bytea")
    @ColumnTransformer(read = "yavka_pii_decrypt(birth_date)", write = ENCRYPT)
    public String birthDate;

    @Column(name = "telegram_chat_id", columnDefinition = "bytea")
    @ColumnTransformer(read = "yavka_pii_decrypt(telegram_chat_id)", write = ENCRYPT)
    public String telegramChatId;

    /** Fingerprint of the key that encrypted this row's personal data (never the key itself). */
    @Column(name = "pii_key_id")
    public String piiKeyId;

    @Column(name = "phone_hmac")
    public String phoneHmac;

    @Column(name = "chat_id_hmac")
    public String chatIdHmac;

    @Column(name = "consent_given")
    public boolean consentGiven;

    @Column(name = "consent_version")
    public String consentVersion;

    @Column(name = "consent_channel")
    public String consentChannel;

    @Column(name = "consent_at")
    public Instant consentAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    /** Set when the patient withdrew consent and the personal data above was erased. */
    @Column(name = "erased_at")
    public Instant erasedAt;

    public long version;

    public boolean erased() {
        return erasedAt != null;
    }
}
