package ru.yavka.telegram.bot;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.UUID;

/** UUIDs in 22 characters (base64url), to keep callback_data under Telegram's 64 bytes. */
public final class CompactIds {

    private CompactIds() {
    }

    public static String of(UUID id) {
        ByteBuffer buffer = ByteBuffer.allocate(16);
        buffer.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    public static UUID uuid(String compact) {
        byte[] bytes = Base64.getUrlDecoder().decode(compact);
        if (bytes.length != 16) {
            throw new IllegalArgumentException("not a compact UUID");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong());
    }
}
