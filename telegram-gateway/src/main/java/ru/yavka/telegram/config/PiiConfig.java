package ru.yavka.telegram.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Keys for personal data at rest. All come from the environment or a Kubernetes Secret. */
@ConfigMapping(prefix = "yavka.pii")
public interface PiiConfig {

    /** pgp_sym_encrypt passphrase (AES-256) for chat ids and queued message contents. */
    String key();

    /**
     * During a key rotation, the key being replaced (the same one booking-service is given):
     * reads accept it until every row is re-encrypted with {@link #key()}
     * (POST /api/admin/pii/re-encrypt). See docs/KEY-ROTATION.md.
     */
    Optional<String> previousKey();

    /** HMAC key: chat keys for lookups and logs, and the signature of callback data. */
    String hmacKey();
}
