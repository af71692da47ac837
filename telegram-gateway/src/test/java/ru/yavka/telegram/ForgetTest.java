package ru.yavka.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import ru.yavka.contracts.events.DataAccessed;
import ru.yavka.contracts.testing.EventTap;
import ru.yavka.telegram.bot.ChatKeys;
import ru.yavka.telegram.config.RedisKeys;
import ru.yavka.telegram.standin.BotApiStandIn.ChatMessage;
import ru.yavka.telegram.support.ChatUser;
import ru.yavka.telegram.support.Clinic;
import ru.yavka.telegram.support.Events;

/**
 * /forget records the withdrawal, forgets the chat here, stops the patient's messages, and says
 * plainly that the erasure at the clinic is a separate step.
 */
@QuarkusTest
class ForgetTest {

    private static EventTap tap;

    @Inject
    ChatKeys keys;
    @Inject
    Pool pool;
    @Inject
    RedisDataSource redis;
    @Inject
    RedisKeys redisKeys;

    @BeforeAll
    static void listen() {
        tap = EventTap.onRun();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        tap.close();
    }

    @Test
    void forgetRecordsTheWithdrawalAndStopsMessages() {
        String phone = Clinic.phone();
        String patient = Clinic.patient("Забыв Иван Иванович", phone);
        ChatUser user = ChatUser.newcomer();
        user.register(phone, true);
        String chatKey = keys.of(user.id());

        user.send("/forget");
        ChatMessage done = user.awaitText("Запрос на отзыв согласия зарегистрирован");
        assertThat(done.text()).contains("до 30 дней", "/start");

        assertThat(scalar("SELECT count(*) FROM chat_link WHERE chat_key = $1", chatKey)).isZero();
        assertThat(scalar("SELECT count(*) FROM consent_withdrawal WHERE chat_key = $1 AND patient_id = $2"
                + " AND status = 'REQUESTED'", chatKey, UUID.fromString(patient))).isEqualTo(1);
        assertThat(redis.key().exists(redisKeys.keyPrefix() + "tg:session:" + chatKey)).isFalse();
        await().atMost(Duration.ofSeconds(30)).until(() -> !tap.events(DataAccessed.class,
                e -> "telegram-gateway".equals(e.service()) && "consent".equals(e.recordType())
                        && e.patientId().toString().equals(patient)).isEmpty());

        // A reminder for the patient is no longer sent to the chat.
        try (Events events = new Events()) {
            events.send(patient, Events.reminder("forget-" + UUID.randomUUID(), UUID.randomUUID(),
                    UUID.fromString(patient), "Напоминание после отзыва согласия.",
                    Instant.now().plus(2, ChronoUnit.DAYS), List.of("CONFIRM")));
        }
        await().atMost(Duration.ofSeconds(45)).until(() -> scalar("SELECT count(*) FROM outgoing_message"
                + " WHERE patient_id = $1 AND status = 'SKIPPED'", UUID.fromString(patient)) == 1);
        assertThat(user.botMessages()).noneMatch(m -> m.text().contains("после отзыва согласия"));

        // The chat starts over with the consent, not as a known patient.
        user.send("/start");
        user.awaitMessage(m -> m.text().contains("152-ФЗ") && m.messageId() > done.messageId(), "a new greeting");
    }

    private long scalar(String sql, Object... args) {
        return pool.preparedQuery(sql).execute(Tuple.from(args)).await().atMost(Duration.ofSeconds(30))
                .iterator().next().getLong(0);
    }
}
