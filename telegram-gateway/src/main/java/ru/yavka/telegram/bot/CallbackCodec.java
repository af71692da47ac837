package ru.yavka.telegram.bot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * callback_data as Telegram carries it: {@code <payload>~<signature>}, at most 64 bytes. The
 * signature is an HMAC over the chat id and the payload, so a button only works in the chat
 * it was made for, and data made up or copied from another chat is refused.
 */
@ApplicationScoped
public class CallbackCodec {

    /** Telegram's limit for callback_data, in bytes. */
    public static final int MAX_BYTES = 64;
    private static final char SEPARATOR = '~';
    private static final int SIGNATURE_BYTES = 8;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final ChatKeys keys;

    public CallbackCodec(ChatKeys keys) {
        this.keys = keys;
    }

    public String encode(long chatId, String payload) {
        if (payload.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException("callback payload must not contain " + SEPARATOR);
        }
        String data = payload + SEPARATOR + B64.encodeToString(signature(chatId, payload));
        if (data.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("callback_data over " + MAX_BYTES + " bytes: payload " + payload.length());
        }
        return data;
    }

    /** The payload, if {@code data} was signed for this chat. */
    public Optional<String> decode(long chatId, String data) {
        if (data == null) {
            return Optional.empty();
        }
        int at = data.lastIndexOf(SEPARATOR);
        if (at <= 0) {
            return Optional.empty();
        }
        String payload = data.substring(0, at);
        byte[] given;
        try {
            given = B64D.decode(data.substring(at + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return MessageDigest.isEqual(given, signature(chatId, payload)) ? Optional.of(payload) : Optional.empty();
    }

    private byte[] signature(long chatId, String payload) {
        return Arrays.copyOf(keys.signCallback(chatId, payload), SIGNATURE_BYTES);
    }
}
