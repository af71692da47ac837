package ru.yavka.booking.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import ru.yavka.booking.config.PiiConfig;

/** Keyed hashes that make a phone or chat id findable without decrypting every row. */
@ApplicationScoped
public class PiiHasher {

    private final SecretKeySpec key;

    public PiiHasher(PiiConfig config) {
        this.key = new SecretKeySpec(config.hmacKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String phone(String e164) {
        return hmac("phone:" + e164);
    }

    public String chatId(String chatId) {
        return chatId == null ? null : hmac("chat:" + chatId);
    }

    private String hmac(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
