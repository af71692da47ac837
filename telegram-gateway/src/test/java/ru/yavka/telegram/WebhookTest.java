package ru.yavka.telegram;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import ru.yavka.telegram.support.ChatUser;
import ru.yavka.telegram.support.GatewayStandIns;

/** Webhook mode's endpoint: the secret header or 401; with it, the update runs the dialog. */
@QuarkusTest
class WebhookTest {

    private static String update(long chatId, String text) {
        return """
                {"update_id": %d, "message": {"message_id": 1, "date": 1700000000,
                 "from": {"id": %d, "is_bot": false, "first_name": "Пациент"},
                 "chat": {"id": %d, "type": "private", "first_name": "Пациент"},
                 "text": "%s", "entities": [{"type": "bot_command", "offset": 0, "length": 6}]}}"""
                .formatted(900_000 + ThreadLocalRandom.current().nextInt(1_000_000), chatId, chatId, text);
    }

    @Test
    void withoutTheSecretTheUpdateIsRefused() {
        long chat = 700_000_000L + ThreadLocalRandom.current().nextInt(1_000_000);
        given().contentType(ContentType.JSON).body(update(chat, "/start"))
                .post("/telegram/webhook").then().statusCode(401);
        given().contentType(ContentType.JSON).header("X-Telegram-Bot-Api-Secret-Token", "wrong-secret")
                .body(update(chat, "/start"))
                .post("/telegram/webhook").then().statusCode(401);
        assertThat(GatewayStandIns.telegram().botMessages(chat)).isEmpty();
    }

    @Test
    void withTheSecretTheBotAnswers() {
        long chat = 710_000_000L + ThreadLocalRandom.current().nextInt(1_000_000);
        given().contentType(ContentType.JSON).header("X-Telegram-Bot-Api-Secret-Token", GatewayStandIns.WEBHOOK_SECRET)
                .body(update(chat, "/start"))
                .post("/telegram/webhook").then().statusCode(200);
        org.awaitility.Awaitility.await().atMost(ChatUser.WAIT).until(() -> GatewayStandIns.telegram()
                .botMessages(chat).stream().anyMatch(m -> m.text().contains("152-ФЗ")));
    }
}
