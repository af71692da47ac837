package ru.yavka.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ru.yavka.telegram.bot.CallbackCodec;
import ru.yavka.telegram.bot.ChatKeys;
import ru.yavka.telegram.bot.CompactIds;
import ru.yavka.telegram.config.PiiConfig;

/** callback_data: compact, at most 64 bytes, and valid only in the chat it was made for. */
class CallbackCodecTest {

    private static final PiiConfig KEYS = new PiiConfig() {
        @Override
        public String key() {
            return "k";
        }

        @Override
        public Optional<String> previousKey() {
            return Optional.empty();
        }

        @Override
        public String hmacKey() {
            return "unit-test-hmac-key";
        }
    };

    private final CallbackCodec codec = new CallbackCodec(new ChatKeys(KEYS));

    @Test
    void theLongestPayloadFitsAndRoundTrips() {
        String payload = "r:R:" + CompactIds.of(UUID.randomUUID());
        String data = codec.encode(42L, payload);
        assertThat(data.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(64);
        assertThat(codec.decode(42L, data)).contains(payload);
        assertThat(codec.encode(42L, "sp:gastroenterologist").length()).isLessThanOrEqualTo(64);
    }

    @Test
    void otherChatsAlteredAndUnsignedDataAreRefused() {
        String data = codec.encode(42L, "r:X:" + CompactIds.of(UUID.randomUUID()));
        assertThat(codec.decode(43L, data)).isEmpty();
        assertThat(codec.decode(42L, data.replace("r:X:", "r:C:"))).isEmpty();
        assertThat(codec.decode(42L, data.substring(0, data.indexOf('~')))).isEmpty();
        assertThat(codec.decode(42L, data + "A")).isEmpty();
        assertThat(codec.decode(42L, null)).isEmpty();
    }

    @Test
    void overlongPayloadsAreRefusedAtTheSource() {
        assertThatThrownBy(() -> codec.encode(1L, "x".repeat(60))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void compactIdsRoundTrip() {
        UUID id = UUID.randomUUID();
        assertThat(CompactIds.of(id)).hasSize(22);
        assertThat(CompactIds.uuid(CompactIds.of(id))).isEqualTo(id);
    }
}
