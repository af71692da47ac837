package ru.yavka.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import ru.yavka.contracts.events.DataAccessed;
import ru.yavka.contracts.testing.EventTap;
import ru.yavka.contracts.testing.IsolatedStackResource;
import ru.yavka.triage.GigaChatStandIn.Answer;
import ru.yavka.triage.GigaChatStandIn.Raw;
import ru.yavka.triage.GigaChatStandIn.Slow;
import ru.yavka.triage.GigaChatStandIn.Status;
import ru.yavka.triage.client.GigaChatClient;

/** GigaChat through a local stand-in that speaks its protocol; every failure ends in retrieval voting. */
@QuarkusTest
@TestProfile(GigaChatTest.WithGigaChat.class)
class GigaChatTest {

    private static final String HEADACHE = "Пульсирует висок, тошнит от яркого света, мой телефон +7 999 123-45-67";

    public static class WithGigaChat implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(IsolatedStackResource.class, Map.of("service", "triage_llm")),
                    new TestResourceEntry(ChromaRunDatabase.class), new TestResourceEntry(GigaChatStandIn.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @BeforeEach
    void reset() {
        GigaChatStandIn.get().reset();
        CircuitBreakerMaintenance.get().reset(GigaChatClient.BREAKER);
    }

    private static ValidatableResponse triage(String text) {
        return TriageApiTest.as("service").body(Map.of("text", text)).post("/api/triage").then().statusCode(200);
    }

    @Test
    void gigaChatChoosesAndOnlyTheMaskedSymptomTextIsSent() {
        GigaChatStandIn.get().then(new Answer(
                "Ответ: ```json\n{\"specialty\": \"neurologist\", \"explanation\": \"Похоже на мигрень.\"}\n```", "stop"));
        triage(HEADACHE)
                .body("source", equalTo("llm"))
                .body("specialty", equalTo("neurologist"))
                .body("candidates[0].specialty", equalTo("neurologist"))
                .body("explanation", containsString("Похоже на мигрень"));
        assertThat(GigaChatStandIn.get().oauthCalls.get()).as("at most one token fetched").isLessThanOrEqualTo(1);
        String sent = GigaChatStandIn.get().userMessages.peek();
        assertThat(sent).contains("Пульсирует висок").contains("[телефон]").doesNotContain("999")
                .doesNotContain("service@test.yavka");
    }

    @Test
    void theTextSentToGigaChatIsAuditedAsAnExportBesideTheRead() throws Exception {
        GigaChatStandIn.get().then(new Answer("{\"specialty\": \"neurologist\", \"explanation\": \"мигрень\"}", "stop"));
        try (EventTap tap = EventTap.onRun()) {
            String id = triage(HEADACHE).body("source", equalTo("llm")).extract().path("id");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    tap.events(DataAccessed.class, e -> e.recordId().equals(id)))
                    .extracting(DataAccessed::action)
                    .containsExactlyInAnyOrder(DataAccessed.Action.READ, DataAccessed.Action.EXPORT));
        }
    }

    @Test
    void theTokenIsReusedAndRefreshedBeforeItExpires() {
        triage(HEADACHE).body("source", equalTo("llm"));
        triage(HEADACHE).body("source", equalTo("llm"));
        assertThat(GigaChatStandIn.get().oauthCalls.get()).as("one token for both calls").isLessThanOrEqualTo(1);
        // Tokens that live less than the refresh margin are replaced before every call.
        GigaChatStandIn.get().tokenLifetimeMillis = 30_000;
        GigaChatStandIn.get().revokeAll();
        triage(HEADACHE).body("source", equalTo("llm"));
        int before = GigaChatStandIn.get().oauthCalls.get();
        triage(HEADACHE).body("source", equalTo("llm"));
        assertThat(GigaChatStandIn.get().oauthCalls.get()).isEqualTo(before + 1);
    }

    @Test
    void a401RefreshesTheTokenAndRetriesOnce() {
        triage(HEADACHE).body("source", equalTo("llm"));
        GigaChatStandIn.get().revokeAll();
        int oauth = GigaChatStandIn.get().oauthCalls.get();
        int chats = GigaChatStandIn.get().chatCalls.get();
        triage(HEADACHE).body("source", equalTo("llm")).body("specialty", equalTo("neurologist"));
        assertThat(GigaChatStandIn.get().oauthCalls.get()).isEqualTo(oauth + 1);
        assertThat(GigaChatStandIn.get().chatCalls.get()).isEqualTo(chats + 2);
        assertThat(GigaChatStandIn.get().rejectedTokens.get()).isEqualTo(1);
    }

    @Test
    void tooManyRequestsAndServerErrorsAreRetried() {
        GigaChatStandIn.get().then(new Status(429), new Status(503));
        triage(HEADACHE).body("source", equalTo("llm"));
        assertThat(GigaChatStandIn.get().chatCalls.get()).isEqualTo(3);
    }

    @Test
    void persistent429FallsBackToRetrieval() {
        GigaChatStandIn.get().then(new Status(429), new Status(429), new Status(429), new Status(429));
        triage(HEADACHE).body("source", equalTo("retrieval"))
                .body("specialty", equalTo("neurologist"))
                .body("explanation", containsString("GigaChat не использован"))
                .body("explanation", containsString("429"));
    }

    @Test
    void aSlowGigaChatTimesOutIntoRetrieval() {
        GigaChatStandIn.get().then(new Slow(6000, "{\"specialty\": \"surgeon\"}"));
        triage(HEADACHE).body("source", equalTo("retrieval"))
                .body("specialty", equalTo("neurologist"))
                .body("explanation", containsString("in time"));
    }

    @Test
    void aBlacklistFinishFallsBackToRetrieval() {
        GigaChatStandIn.get().then(new Answer("Не могу обсуждать эту тему.", "blacklist"));
        triage(HEADACHE).body("source", equalTo("retrieval")).body("explanation", containsString("blacklist"));
        assertThat(GigaChatStandIn.get().chatCalls.get()).as("a refusal is not retried").isEqualTo(1);
    }

    @Test
    void malformedAnswersFallBackToRetrieval() {
        for (GigaChatStandIn.Reply reply : List.of(
                new Answer("Вам к неврологу, наверное", "stop"),
                new Answer("{\"specialty\": \"witch-doctor\"}", "stop"),
                new Answer("{\"specialty\": ", "stop"),
                new Raw("{\"choices\": []}"),
                new Raw("<html>gateway</html>"))) {
            GigaChatStandIn.get().then(reply);
            triage(HEADACHE).body("source", equalTo("retrieval")).body("specialty", equalTo("neurologist"));
        }
    }

    @Test
    void theBreakerOpensAfterRepeatedFailuresAndTriageStaysFast() {
        for (int i = 0; i < 12; i++) {
            GigaChatStandIn.get().then(new Status(500));
        }
        for (int i = 0; i < 4; i++) {
            triage(HEADACHE).body("source", equalTo("retrieval"));
        }
        int calls = GigaChatStandIn.get().chatCalls.get();
        triage(HEADACHE).body("source", equalTo("retrieval")).body("explanation", containsString("paused"));
        assertThat(GigaChatStandIn.get().chatCalls.get()).as("no call while open").isEqualTo(calls);
    }

    @Test
    void emergenciesDoNotWaitForGigaChat() {
        triage("Ужалила оса, отекает горло и трудно дышать")
                .body("emergency", equalTo(true)).body("source", equalTo("retrieval"));
        assertThat(GigaChatStandIn.get().chatCalls.get()).isZero();
    }
}
