package ru.yavka.telegram.repository;

/**
 * Some personal data decrypts with neither the current nor the previous key: re-encryption
 * cannot go on until the key it is under is given as the previous key. The message names no key.
 */
public class PiiKeyMismatch extends RuntimeException {

    public PiiKeyMismatch(String message, Throwable cause) {
        super(message, cause);
    }
}
