package ru.yavka.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import ru.yavka.telegram.standin.BotApiStandIn.Call;
import ru.yavka.telegram.support.Events;
import ru.yavka.telegram.support.GatewayStandIns;

/**
 * Telegram's limits: a burst of ReminderDue is paced and delivered, every one exactly once,
 * against a stand-in that answers 429 to a bot that goes too fast; and a 429's retry_after is
 * always waited out before that chat hears from the bot again.
 */
@QuarkusTest
class PacingTest {

    private static final int BURST = Integer.getInteger("yavka.test.burst", 10_000);
    private static Events events;

    @Inject
    Pool pool;
    @ConfigProperty(name = "yavka.pii.key")
    String piiKey;

    @BeforeAll
    static void start() {
        events = new Events();
    }

    @AfterAll
    static void stop() {
        events.close();
    }

    /** Patients who linked their chats earlier (as the consent dialog leaves them): patient id → chat id. */
    private Map<UUID, Long> linkedPatients(int count) {
        long base = 2_000_000_000L + ThreadLocalRandom.current().nextLong(1_000) * 1_000_000L;
        Map<UUID, Long> chats = new HashMap<>();
        for (Row row : pool.preparedQuery("""
                INSERT INTO chat_link (patient_id, chat_key, chat_id_enc, consent_version, linked_at)
                SELECT gen_random_uuid(), 'pacing-' || ($1 + i), pgp_sym_encrypt(($1 + i)::text, $2, 'cipher-algo=aes256'),
                       'test', now()
                FROM generate_series(1, $3) AS i
                RETURNING patient_id, pgp_sym_decrypt(chat_id_enc, $2) AS chat""")
                .execute(Tuple.of(base, piiKey, count)).await().atMost(Duration.ofSeconds(60))) {
            chats.put(row.getUUID("patient_id"), Long.parseLong(row.getString("chat")));
        }
        return chats;
    }

    private static void remindAll(Map<UUID, Long> patients, String tag) {
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS);
        for (UUID patient : patients.keySet()) {
            UUID appointment = UUID.randomUUID();
            events.sendAsync(patient.toString(), Events.reminder(tag + ":" + patient, appointment, patient,
                    "Напоминание " + tag + " о приёме послезавтра.", start, List.of("CONFIRM", "CANCEL")));
        }
        events.flush();
    }

    private static List<Call> delivered(Set<Long> chats) {
        return GatewayStandIns.telegram().calls("sendMessage").stream()
                .filter(c -> c.status() == 200 && chats.contains(c.chatId())).toList();
    }

    @Test
    void aBurstIsPacedAndEveryReminderDeliveredExactlyOnce() {
        Map<UUID, Long> patients = linkedPatients(BURST);
        Set<Long> chats = new HashSet<>(patients.values());
        remindAll(patients, "burst");

        await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofSeconds(2))
                .until(() -> delivered(chats).size() >= BURST);
        await().atMost(Duration.ofMinutes(1)).until(() -> count("""
                SELECT count(*) FROM outgoing_message WHERE idempotency_key LIKE 'burst:%' AND status = 'SENT'""")
                == BURST);
        List<Call> sends = delivered(chats);
        assertThat(sends).hasSize(BURST);
        assertThat(sends.stream().map(Call::chatId).distinct().count()).isEqualTo(BURST);
        assertThat(sends).allSatisfy(c -> assertThat(c.params().get("reply_markup")).contains("inline_keyboard"));
        // Delivered content is erased from the queue; only the idempotency record stays.
        assertThat(count("SELECT count(*) FROM outgoing_message WHERE idempotency_key LIKE 'burst:%'"
                + " AND payload_enc IS NOT NULL")).isZero();
    }

    @Test
    void aStormOf429sIsWaitedOutAndNothingIsLost() {
        int retryAfter = 2;
        Map<UUID, Long> patients = linkedPatients(3);
        Set<Long> chats = new HashSet<>(patients.values());
        GatewayStandIns.telegram().storm(6, retryAfter);
        remindAll(patients, "storm");

        await().atMost(Duration.ofMinutes(2)).until(() -> delivered(chats).size() == chats.size());
        List<Call> toChats = GatewayStandIns.telegram().calls("sendMessage").stream()
                .filter(c -> chats.contains(c.chatId())).toList();
        assertThat(toChats).anyMatch(c -> c.status() == 429);
        for (Long chat : chats) {
            List<Call> mine = new ArrayList<>(toChats.stream().filter(c -> c.chatId().equals(chat)).toList());
            for (int i = 0; i + 1 < mine.size(); i++) {
                if (mine.get(i).status() == 429) {
                    long waited = mine.get(i + 1).atNanos() - mine.get(i).atNanos();
                    assertThat(waited).as("wait after a 429 with retry_after %d s", retryAfter)
                            .isGreaterThanOrEqualTo(Duration.ofSeconds(retryAfter).minusMillis(50).toNanos());
                }
            }
            assertThat(mine.stream().filter(c -> c.status() == 200)).hasSize(1);
        }
    }

    private long count(String sql) {
        return pool.query(sql).execute().await().atMost(Duration.ofSeconds(30)).iterator().next().getLong(0);
    }
}
