package ru.yavka.telegram.repository;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.vertx.pgclient.PgException;
import ru.yavka.telegram.config.PiiConfig;

/**
 * The pgcrypto passphrases as the repositories hand them to SQL, and the fingerprint written
 * beside every encrypted value. The gateway's SQL runs statement by statement on the reactive
 * pool, with no transaction-local setting to carry the keys as booking-service does, so they
 * travel as statement parameters and are never stored. Not a record: its toString must not
 * print a key.
 */
final class PiiKeys {

    /** Encrypts every write, and is tried first on every read. */
    final String current;
    /** During a rotation, the key being replaced, tried when {@link #current} fails; else "". */
    final String previous;
    /** {@link #fingerprint(String)} of {@link #current}, written beside what it encrypted. */
    final String currentId;

    PiiKeys(PiiConfig pii) {
        this.current = pii.key();
        this.previous = pii.previousKey().orElse("");
        this.currentId = fingerprint(current);
    }

    /**
     * Which key encrypted a row, revealing nothing of the key: booking-service's definition
     * (PatientRepository.fingerprint, column pii_key_id), so that both services name the same
     * key the same way. Change it in both places or not at all.
     */
    static String fingerprint(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("yavka-pii-key-id:" + key).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * pgcrypto's "Wrong key or corrupt data" (SQLSTATE 39000) and its data errors (class 22) as
     * {@link PiiKeyMismatch}; anything else as it was.
     */
    static RuntimeException mismatchOr(RuntimeException e, String what) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && pg.getSqlState() != null
                    && (pg.getSqlState().equals("39000") || pg.getSqlState().startsWith("22"))) {
                return new PiiKeyMismatch(
                        what + " decrypts with neither the current nor the previous personal-data key", e);
            }
        }
        return e;
    }

    @Override
    public String toString() {
        return "PiiKeys[current=" + currentId + (previous.isEmpty() ? "" : ", previous=" + fingerprint(previous))
                + "]";
    }
}
