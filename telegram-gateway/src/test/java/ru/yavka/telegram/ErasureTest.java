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
import ru.yavka.contracts.events.EventMeta;
import ru.yavka.contracts.events.PatientDataErased;
import ru.yavka.contracts.events.PatientErasureRequested;
import ru.yavka.contracts.testing.EventTap;
import ru.yavka.telegram.bot.ChatKeys;
import ru.yavka.telegram.config.RedisKeys;
import ru.yavka.telegram.standin.BotApiStandIn.ChatMessage;
import ru.yavka.telegram.support.ChatUser;
import ru.yavka.telegram.support.Clinic;
import ru.yavka.telegram.support.Events;

/**
 * PatientErasureRequested: the gateway forgets the patient's chat (link, dialog state, button
 * presses, withdrawal records), leaves no message content behind, and confirms once, however
 * often the request is delivered.
 */
@QuarkusTest
class ErasureTest {

    private static Events events;
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
    static void start() {
        events = new Events();
        tap = EventTap.onRun();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        events.close();
        tap.close();
    }

    @Test
    void erasureForgetsThePatientsChatAndConfirmsOnceWhenDeliveredTwice() {
        String doctor = Clinic.doctor("cardiologist", "Стиров Олег Ильич");
        String phone = Clinic.phone();
        String patient = Clinic.patient("Стирова Анна Львовна", phone);
        String appointment = Clinic.book(patient, Clinic.slot(doctor, 2, 15));
        UUID patientId = UUID.fromString(patient);
        ChatUser user = ChatUser.newcomer();
        user.register(phone, true);
        String chatKey = keys.of(user.id());
        String sessionKey = redisKeys.keyPrefix() + "tg:session:" + chatKey;

        // A reminder delivered and answered leaves a queue row and a button press.
        events.send(appointment, Events.reminder("erasure-" + UUID.randomUUID(), UUID.fromString(appointment),
                patientId, "Напоминаем о приёме в 15:00.", Instant.now().plus(2, ChronoUnit.DAYS), List.of("CONFIRM")));
        ChatMessage reminder = user.awaitText("Напоминаем о приёме в 15:00.");
        user.press("Подтвердить");
        user.awaitMessage(m -> m.messageId() == reminder.messageId() && m.text().contains("Вы подтвердили визит"),
                "the reminder edited");
        assertThat(scalar("SELECT count(*) FROM chat_link WHERE patient_id = $1", patientId)).isEqualTo(1);
        assertThat(scalar("SELECT count(*) FROM button_press WHERE chat_key = $1", chatKey)).isEqualTo(1);
        assertThat(scalar("SELECT count(*) FROM outgoing_message WHERE patient_id = $1", patientId)).isEqualTo(1);
        assertThat(redis.key().exists(sessionKey)).isTrue();

        PatientErasureRequested request = new PatientErasureRequested(EventMeta.next(patient, 7, Instant.now()),
                patientId, "registrar", "STAFF", "consent withdrawn");
        events.send(patient, request);
        events.send(patient, request);
        // Same key, same partition: once this one is confirmed, the redelivery before it was consumed too.
        UUID marker = UUID.randomUUID();
        events.send(patient, new PatientErasureRequested(EventMeta.next(marker.toString(), 1, Instant.now()), marker,
                "registrar", "STAFF", "consent withdrawn"));
        await().atMost(Duration.ofSeconds(60)).until(() -> !confirmations(marker).isEmpty());

        assertThat(confirmations(patientId)).singleElement().satisfies(erased -> assertThat(erased.categories())
                .contains("telegram-chat-id", "dialog-state", "queued-messages"));
        assertThat(scalar("SELECT count(*) FROM chat_link WHERE patient_id = $1 OR chat_key = $2", patientId, chatKey))
                .isZero();
        assertThat(scalar("SELECT count(*) FROM button_press WHERE chat_key = $1", chatKey)).isZero();
        assertThat(scalar("SELECT count(*) FROM consent_withdrawal WHERE patient_id = $1 OR chat_key = $2", patientId,
                chatKey)).isZero();
        assertThat(scalar("SELECT count(*) FROM outgoing_message WHERE patient_id = $1"
                + " AND (payload_enc IS NOT NULL OR status IN ('PENDING', 'SENDING'))", patientId)).isZero();
        assertThat(redis.key().exists(sessionKey)).isFalse();
        assertThat(redis.key().keys(redisKeys.keyPrefix() + "*" + chatKey + "*")).isEmpty();
        for (String key : redis.key().keys(redisKeys.keyPrefix() + "tg:*")) {
            assertThat(redis.value(String.class).get(key)).doesNotContain(patient);
        }
    }

    @Test
    void aChatThatWithdrewWithForgetIsErasedToo() {
        String phone = Clinic.phone();
        String patient = Clinic.patient("Забытова Вера Олеговна", phone);
        UUID patientId = UUID.fromString(patient);
        ChatUser user = ChatUser.newcomer();
        user.register(phone, true);
        String chatKey = keys.of(user.id());
        user.send("/forget");
        user.awaitText("Запрос на отзыв согласия зарегистрирован");
        assertThat(scalar("SELECT count(*) FROM consent_withdrawal WHERE chat_key = $1", chatKey)).isEqualTo(1);

        events.send(patient, new PatientErasureRequested(EventMeta.next(patient, 3, Instant.now()), patientId,
                "registrar", "STAFF", "consent withdrawn"));
        await().atMost(Duration.ofSeconds(60)).until(() -> !confirmations(patientId).isEmpty());

        assertThat(scalar("SELECT count(*) FROM consent_withdrawal WHERE patient_id = $1 OR chat_key = $2", patientId,
                chatKey)).isZero();
        assertThat(scalar("SELECT count(*) FROM chat_link WHERE chat_key = $1", chatKey)).isZero();
    }

    private static List<PatientDataErased> confirmations(UUID patientId) {
        return tap.events(PatientDataErased.class,
                e -> e.patientId().equals(patientId) && "telegram-gateway".equals(e.service()));
    }

    private long scalar(String sql, Object... args) {
        return pool.preparedQuery(sql).execute(Tuple.from(args)).await().atMost(Duration.ofSeconds(30))
                .iterator().next().getLong(0);
    }
}
