package ru.yavka.telegram.bot;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import ru.yavka.telegram.config.PiiConfig;

/**
 * Keyed hashes of chat ids. The chat key stands in for the chat id wherever the id itself is
 * not needed (lookups, Redis keys, logs, the audit actor); a separate derived key signs
 * callback data. Neither can be turned back into the chat id without the secret.
 */
@ApplicationScoped
public class ChatKeys {

    private static final String HMAC = "HmacSHA256";

    private final byte[] chatKeySecret;
    private final byte[] callbackSecret;

    public ChatKeys(PiiConfig pii) {
        byte[] root = pii.hmacKey().getBytes(StandardCharsets.UTF_8);
        this.chatKeySecret = hmac(root, "telegram-chat-key-v1".getBytes(StandardCharsets.UTF_8));
        this.callbackSecret = hmac(root, "telegram-callback-v1".getBytes(StandardCharsets.UTF_8));
    }

    /** 32 hex characters, stable for a chat. */
    public String of(long chatId) {
        byte[] mac = hmac(chatKeySecret, Long.toString(chatId).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac, 0, 16);
    }

    /** The audit actor for something a patient did through their chat. */
    public String actor(long chatId) {
        return "telegram:" + of(chatId);
    }

    byte[] signCallback(long chatId, String payload) {
        return hmac(callbackSecret, (chatId + "|" + payload).getBytes(StandardCharsets.UTF_8));
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
