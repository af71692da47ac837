package ru.yavka.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import ru.yavka.telegram.bot.ChatKeys;
import ru.yavka.telegram.config.RedisKeys;
import ru.yavka.telegram.standin.BotApiStandIn.Button;
import ru.yavka.telegram.standin.BotApiStandIn.ChatMessage;
import ru.yavka.telegram.support.ChatUser;
import ru.yavka.telegram.support.Clinic;

/** /start, consent, the patient's own phone, and linking to an existing record or creating one. */
@QuarkusTest
class ConsentDialogTest {

    @Inject
    ChatKeys keys;
    @Inject
    RedisDataSource redis;
    @Inject
    RedisKeys redisKeys;
    @Inject
    Pool pool;

    @Test
    void nothingIsStoredBeforeConsentAndAnotherPersonsContactIsRefused() {
        ChatUser user = ChatUser.newcomer();
        user.send("/start");
        ChatMessage greeting = user.awaitText("152-ФЗ");
        assertThat(greeting.text()).contains("https://yavka.local/privacy").contains("/forget");
        assertThat(greeting.buttons()).extracting(Button::text).contains("✅ Согласен");
        assertThat(greeting.buttons()).anyMatch(b -> "https://yavka.local/privacy".equals(b.url()));

        String phone = Clinic.phone();
        user.send("у меня болит голова");
        user.shareOwnContact(phone);
        user.awaitMessage(m -> m.text().startsWith("Сначала нужно ваше согласие")
                && user.botMessages().stream().filter(x -> x.text().startsWith("Сначала")).count() == 2,
                "two requests for consent");
        assertThat(storedSession(user)).isFalse();
        assertThat(linkRows(user)).isZero();
        assertThat(Clinic.byPhone(phone)).isNull();

        user.press("Согласен");
        user.awaitText("номер телефона кнопкой");
        assertThat(storedSession(user)).isTrue();
        assertThat(GatewayKeyboard.contactButton(user)).isTrue();

        long stranger = user.id() + 1;
        user.shareContactOf(phone, stranger);
        user.awaitText("Это не ваш номер");
        assertThat(linkRows(user)).isZero();
        assertThat(Clinic.byPhone(phone)).isNull();
        assertThat(Clinic.byChat(user.id())).isNull();
    }

    @Test
    void ownPhoneOfAKnownPatientLinksTheChatToThatRecord() {
        String phone = Clinic.phone();
        String patientId = Clinic.patient("Сидорова Ольга Ивановна", phone);
        ChatUser user = ChatUser.newcomer();

        user.register(phone, true);

        assertThat(user.awaitText("Нашли вашу карту").text()).contains("Ольга Ивановна");
        var linked = Clinic.byChat(user.id());
        assertThat(linked).isNotNull();
        assertThat(linked.getString("id")).isEqualTo(patientId);
        assertThat(linked.getString("consent.channel")).isEqualTo("TELEGRAM");
        assertThat(linkRows(user)).isEqualTo(1);
        // The menu replaces the contact button.
        assertThat(GatewayKeyboard.labels(user)).contains("📅 Записаться", "📋 Мои записи");
    }

    @Test
    void newPhoneCreatesARecordAfterNameAndBirthDate() {
        String phone = Clinic.phone();
        ChatUser user = ChatUser.newcomer();
        user.send("/start");
        user.awaitText("152-ФЗ");
        user.press("Согласен");
        user.awaitText("номер телефона кнопкой");
        // Telegram sends the number without "+".
        user.shareOwnContact(phone.substring(1));
        user.awaitText("фамилию, имя и отчество");
        user.send("Петров");
        user.awaitText("Напишите фамилию, имя и отчество полностью");
        user.send("Морозов Алексей Николаевич");
        user.awaitText("Теперь дата рождения");
        user.send("31.02.1980");
        user.awaitText("Не получилось распознать дату");
        user.send("23.11.1975");
        user.awaitText("Карта заведена");

        var created = Clinic.byPhone(phone);
        assertThat(created).isNotNull();
        assertThat(created.getString("fullName")).isEqualTo("Морозов Алексей Николаевич");
        assertThat(created.getString("birthDate")).isEqualTo("1975-11-23");
        assertThat(created.getString("telegramChatId")).isEqualTo(Long.toString(user.id()));
        assertThat(created.getString("consent.channel")).isEqualTo("TELEGRAM");
        assertThat(created.getBoolean("consent.given")).isTrue();
    }

    private boolean storedSession(ChatUser user) {
        return redis.key().exists(redisKeys.keyPrefix() + "tg:session:" + keys.of(user.id()));
    }

    private long linkRows(ChatUser user) {
        return pool.preparedQuery("SELECT count(*) FROM chat_link WHERE chat_key = $1")
                .execute(Tuple.of(keys.of(user.id()))).await().indefinitely().iterator().next().getLong(0);
    }
}
