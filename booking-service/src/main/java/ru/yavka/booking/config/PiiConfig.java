package ru.yavka.booking.config;

import io.smallrye.config.ConfigMapping;

/** Keys for personal data at rest. Both come from the environment or a Kubernetes Secret. */
@ConfigMapping(prefix = "yavka.pii")
public interface PiiConfig {

    /** pgp_sym_encrypt passphrase (AES-256). */
    String key();

    /** Key of the HMAC that makes phone and chat id searchable without decrypting. */
    String hmacKey();
}
