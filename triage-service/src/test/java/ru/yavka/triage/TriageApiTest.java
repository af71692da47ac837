package ru.yavka.triage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import ru.yavka.contracts.events.DataAccessed;
import ru.yavka.contracts.events.Specialty;
import ru.yavka.contracts.testing.EventTap;
import ru.yavka.contracts.testing.TestTokens;

@QuarkusTest
class TriageApiTest {

    private static final List<String> CODES = Arrays.stream(Specialty.values()).map(Specialty::code).toList();

    static RequestSpecification as(String role) {
        return given().header("Authorization", TestTokens.bearer(role)).contentType(ContentType.JSON);
    }

    static RequestSpecification as(String role, String subject) {
        return given().header("Authorization", "Bearer " + TestTokens.of(role, subject)).contentType(ContentType.JSON);
    }

    @Test
    void symptomsGetASpecialtyWithCandidatesAndCitedCases() {
        var response = as("service")
                .body(Map.of("text", "Третий день болит горло, больно глотать, на миндалинах белый налет"))
                .post("/api/triage").then().statusCode(200)
                .body("specialty", equalTo("otolaryngologist"))
                .body("specialtyName", notNullValue())
                .body("candidates", hasSize(greaterThanOrEqualTo(3)))
                .body("candidates[0].specialty", equalTo("otolaryngologist"))
                .body("candidates.specialty", everyItem(in(CODES)))
                .body("emergency", equalTo(false))
                .body("advice", containsString("Оториноларинголог"))
                .body("citedCases", hasSize(greaterThanOrEqualTo(1)))
                .body("source", equalTo("retrieval"))
                .extract();
        assertThat(response.<String>path("explanation")).contains(response.<String>path("citedCases[0].id"));
    }

    @Test
    void candidatesAreBestFirst() {
        List<Float> scores = as("registrar").body(Map.of("text", "Сыпь на руках, чешется, шелушится кожа"))
                .post("/api/triage").then().statusCode(200).body("specialty", equalTo("dermatologist"))
                .extract().path("candidates.score");
        assertThat(scores).hasSizeGreaterThanOrEqualTo(3).isSortedAccordingTo((a, b) -> Float.compare(b, a));
    }

    @Test
    void emergenciesComeFirstWithTheCallAdvice() {
        as("doctor").body(Map.of("text", "Давит в груди и отдает в левую руку, холодный пот"))
                .post("/api/triage").then().statusCode(200)
                .body("emergency", equalTo(true))
                .body("emergencyCategory", equalTo("chest_pain"))
                .body("advice", containsString("103"))
                .body("advice", containsString("112"))
                .body("candidates", hasSize(greaterThanOrEqualTo(3)));
        as("admin").body(Map.of("text", "не хочу больше жить"))
                .post("/api/triage").then().statusCode(200)
                .body("emergency", equalTo(true))
                .body("emergencyCategory", equalTo("suicide"))
                .body("advice", containsString("8-800-2000-122"));
        as("service").body(Map.of("text", "Одышка когда поднимаюсь на пятый этаж, раньше такого не было"))
                .post("/api/triage").then().statusCode(200).body("emergency", equalTo(false));
    }

    @Test
    void badInputIs400ProblemJsonNamingTheField() {
        problem(as("service").body(Map.of("text", "")).post("/api/triage").then(), "text");
        problem(as("service").body(Map.of("text", "   \n\t ")).post("/api/triage").then(), "text");
        problem(as("service").body(Map.of("text", "а".repeat(2001))).post("/api/triage").then(), "text")
                .body("detail", containsString("2000"));
        problem(as("service").body(Map.of("patientId", UUID.randomUUID().toString())).post("/api/triage").then(), "text");
        problem(as("service").body("{\"text\": ").post("/api/triage").then(), "body");
        problem(as("service").body(Map.of("text", "болит голова", "patientId", "not-a-uuid")).post("/api/triage")
                .then(), "patientId");
        as("service").body(Map.of("text", "болит голова ".repeat(160).substring(0, 2000))).post("/api/triage").then()
                .statusCode(200);
    }

    @Test
    void onlyStaffAndServicesMayAsk() {
        given().contentType(ContentType.JSON).body(Map.of("text", "болит голова")).post("/api/triage").then()
                .statusCode(401);
        as("auditor").body(Map.of("text", "болит голова")).post("/api/triage").then().statusCode(403);
        for (String role : List.of("service", "registrar", "doctor", "admin")) {
            as(role).body(Map.of("text", "болит голова")).post("/api/triage").then().statusCode(200);
        }
        // Ready once the start-up warm-up (20 triages in tests) is over.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready").then()
                .statusCode(200)
                .body("checks.find { it.name == 'triage-knowledge-base' }.data.vectorStoreIndexed", equalTo(true))
                .body("checks.find { it.name == 'triage-knowledge-base' }.data.warmedUp", equalTo(true))
                .body("checks.find { it.name == 'triage-knowledge-base' }.data.warmupRequests", equalTo(20)));
        given().get("/q/openapi").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void everyTriageEmitsDataAccessedWithActorAndPurposeAndKeepsNoText() throws Exception {
        String secret = "Покалывает в мизинце левой ноги с прошлого вторника " + UUID.randomUUID();
        UUID patient = UUID.randomUUID();
        try (EventTap tap = EventTap.onRun()) {
            String id = as("service", "telegram-gateway").header("X-Access-Purpose", "telegram-triage")
                    .body(Map.of("text", secret, "patientId", patient.toString()))
                    .post("/api/triage").then().statusCode(200).extract().path("id");
            String anonymous = as("registrar", "reg-7@clinic").body(Map.of("text", "болит колено"))
                    .post("/api/triage").then().statusCode(200).extract().path("id");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(tap.events(DataAccessed.class, e -> e.recordId().equals(id))).singleElement()
                        .satisfies(e -> {
                            assertThat(e.actor()).isEqualTo("telegram-gateway");
                            assertThat(e.actorRole()).isEqualTo("service");
                            assertThat(e.purpose()).isEqualTo("telegram-triage");
                            assertThat(e.patientId()).isEqualTo(patient);
                            assertThat(e.meta().aggregateId()).isEqualTo(patient.toString());
                            assertThat(e.recordType()).isEqualTo("symptom-text");
                            assertThat(e.action()).isEqualTo(DataAccessed.Action.READ);
                            assertThat(e.service()).isEqualTo("triage-service");
                        });
                assertThat(tap.events(DataAccessed.class, e -> e.recordId().equals(anonymous))).singleElement()
                        .satisfies(e -> {
                            assertThat(e.actor()).isEqualTo("reg-7@clinic");
                            assertThat(e.purpose()).isEqualTo("symptom-triage");
                            assertThat(e.patientId()).isNull();
                        });
            });
            assertThat(tap.received()).noneMatch(r -> r.event().toString().contains("мизинце"));
        }
        assertThat(outboxText()).doesNotContain("мизинце").doesNotContain(secret);
        await().atMost(Duration.ofSeconds(30)).until(() -> pendingOutboxRows() == 0);
    }

    static ValidatableResponse problem(ValidatableResponse response, String field) {
        return response.statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400))
                .body("field", equalTo(field));
    }

    private static String outboxText() throws Exception {
        StringBuilder all = new StringBuilder();
        try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery("select payload from outbox_event")) {
            while (rs.next()) {
                all.append(rs.getString(1)).append('\n');
            }
        }
        return all.toString();
    }

    private static long pendingOutboxRows() throws Exception {
        try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery(
                "select count(*) from outbox_event where published_at is null")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection connect() throws Exception {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse("postgres"),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }
}
