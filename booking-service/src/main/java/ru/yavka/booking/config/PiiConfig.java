package ru.yavka.booking.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Keys for personal data at rest. Both come from the environment or a Kubernetes Secret. */
@ConfigMapping(prefix = "yavka.pii")
public interface PiiConfig {

    /** pgp_sym_encrypt passphrase (AES-256). */
    String key();

    /**
     * During a key rotation, the key being replaced: reads accept it until every row is
     * re-encrypted with {@link #key()} (POST /api/admin/pii/re-encrypt).
     */
    Optional<String> previousKey();

    /** Key of the HMAC that makes phone and chat id searchable without decrypting. */
    String hmacKey();
}
