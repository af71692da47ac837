package ru.yavka.telegram;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import ru.yavka.contracts.testing.IsolatedStackResource;

/** Without a bot token the gateway still starts, says "disabled: no token", and serves its API. */
@QuarkusTest
@TestProfile(NoTokenTest.WithoutToken.class)
class NoTokenTest {

    /** The run's stack, but no Telegram stand-in and no token. */
    public static class WithoutToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("yavka.telegram.token", "");
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(IsolatedStackResource.class, Map.of("service", "telegram_notoken")));
        }
    }

    @Test
    void startsAndReportsDisabled() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'telegram' }.data.status", equalTo("disabled: no token"));
        given().get("/q/openapi").then().statusCode(200);
    }
}
