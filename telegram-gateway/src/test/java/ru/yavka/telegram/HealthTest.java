package ru.yavka.telegram;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** With a token the Telegram side reports itself enabled, in polling mode. */
@QuarkusTest
class HealthTest {

    @Test
    void readyWithTheTelegramDetails() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("telegram"))
                .body("checks.find { it.name == 'telegram' }.data.status", equalTo("enabled"))
                .body("checks.find { it.name == 'telegram' }.data.mode", equalTo("polling"));
    }
}
