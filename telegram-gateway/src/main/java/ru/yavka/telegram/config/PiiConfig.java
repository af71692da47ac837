package ru.yavka.telegram.config;

import io.smallrye.config.ConfigMapping;

/** Keys for personal data at rest. Both come from the environment or a Kubernetes Secret. */
@ConfigMapping(prefix = "yavka.pii")
public interface PiiConfig {

    /** pgp_sym_encrypt passphrase (AES-256) for chat ids and queued message contents. */
    String key();

    /** HMAC key: chat keys for lookups and logs, and the signature of callback data. */
    String hmacKey();
}
