package ru.yavka.integration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import ru.yavka.contracts.testing.TestDatabase;
import ru.yavka.contracts.testing.TestKeys;
import ru.yavka.contracts.testing.TestRun;
import ru.yavka.contracts.testing.TestTokens;
import ru.yavka.contracts.testing.TestTopics;
import ru.yavka.integration.simulator.OneCSimulator;
import ru.yavka.integration.testing.BookingServiceProcess;
import ru.yavka.integration.testing.ServiceProcess;
import ru.yavka.integration.testing.SimulatorClient;

/**
 * The packaged service, crashed and restarted while 1C:Бухгалтерия misbehaves: the billing work
 * waits in PostgreSQL, and once 1C is back every completed visit has exactly one posted sales
 * document, including those whose creation 1C performed but never confirmed before the crash.
 */
class BillingAcrossRestartIT {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final int VISITS = 4;

    private static OneCSimulator simulator;
    private static SimulatorClient sim;
    private static BookingServiceProcess booking;
    private static TestDatabase database;
    private static ServiceProcess integration;

    @BeforeAll
    static void stack() {
        String prefix = TestRun.topicPrefix();
        TestTopics.createAll(prefix);
        TestKeys keys = TestKeys.generate();
        System.setProperty("smallrye.jwt.sign.key.location", keys.privateKey().toUri().toString());
        String redisPrefix = "yt:" + TestRun.id() + ":";
        booking = BookingServiceProcess.start(Map.of(
                "kafka.bootstrap.servers", TestRun.kafkaBootstrap(),
                "yavka.kafka.topic-prefix", prefix,
                "yavka.redis.key-prefix", redisPrefix,
                "mp.jwt.verify.publickey.location", keys.publicKey().toUri().toString()), "integration_it");
        simulator = OneCSimulator.start(0, "it-" + UUID.randomUUID());
        sim = new SimulatorClient(simulator.url());
        database = TestDatabase.create("integration_1c_it");
        integration = ServiceProcess.of("integration-1c-service", Path.of("target", "quarkus-app", "quarkus-run.jar"))
                .env("YAVKA_INTEGRATION_DB_REACTIVE_URL", database.reactiveUrl())
                .env("YAVKA_INTEGRATION_DB_JDBC_URL", database.jdbcUrl())
                .env("YAVKA_DB_USER", database.user())
                .env("YAVKA_DB_PASSWORD", database.password())
                .env("YAVKA_KAFKA_BOOTSTRAP", TestRun.kafkaBootstrap())
                .env("YAVKA_KAFKA_TOPIC_PREFIX", prefix)
                .env("YAVKA_KAFKA_GROUP_PREFIX", "g" + TestRun.id() + ".it.")
                .env("YAVKA_REDIS_KEY_PREFIX", redisPrefix + "integration:")
                .env("YAVKA_BOOKING_URL", booking.url())
                .env("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKey().toUri().toString())
                .env("SMALLRYE_JWT_SIGN_KEY_LOCATION", keys.privateKey().toUri().toString())
                .env("YAVKA_1C_MEDICINE_URL", simulator.medicineUrl())
                .env("YAVKA_1C_MEDICINE_PASSWORD", simulator.password())
                .env("YAVKA_1C_ACCOUNTING_URL", simulator.accountingUrl())
                .env("YAVKA_1C_ACCOUNTING_PASSWORD", simulator.password())
                .env("YAVKA_1C_SCHEDULE_EVERY", "2s")
                .env("YAVKA_1C_VISITS_EVERY", "2s")
                .env("YAVKA_1C_PUSH_EVERY", "1s")
                .env("YAVKA_1C_BILLING_EVERY", "1s")
                .jvmArg("-Dquarkus.fault-tolerance.global.circuit-breaker.delay=3000")
                .jvmArg("-Dquarkus.fault-tolerance.global.circuit-breaker.delay-unit=millis")
                .jvmArg("-Dquarkus.fault-tolerance.global.timeout.value=3000")
                .jvmArg("-Dquarkus.fault-tolerance.global.timeout.unit=millis")
                .jvmArg("-Dyavka.onec.billing.settle=1s")
                .jvmArg("-Dyavka.onec.billing.retry-backoff=1s")
                .jvmArg("-Dyavka.onec.billing.max-backoff=4s")
                .jvmArg("-Dyavka.onec.sync.retry-backoff=1s")
                .log(Path.of("target", "integration-1c-service-it.log"))
                .start();
    }

    @AfterAll
    static void teardown() {
        if (integration != null) {
            integration.stop();
        }
        if (booking != null) {
            booking.close();
        }
        if (simulator != null) {
            simulator.close();
        }
        if (database != null && !"true".equals(System.getenv("YAVKA_KEEP_TEST_DB"))) {
            database.drop();
        }
    }

    @Test
    void everyCompletedVisitIsPostedExactlyOnceAcrossACrashAndARestart() {
        OffsetDateTime nine = OffsetDateTime.now(MOSCOW).truncatedTo(ChronoUnit.DAYS).plusDays(10).withHour(9);
        ObjectNode doctor = SimulatorClient.doctorJson("it-doctor", "Фомина Алла Борисовна", "Гинеколог");
        for (int i = 0; i < VISITS; i++) {
            SimulatorClient.slot(doctor, "it-" + i, nine.plusMinutes(30L * i), 30);
        }
        sim.doctor(doctor);

        // The periodic schedule sync brings the doctor and her slots into booking-service.
        List<String> slots = await().atMost(Duration.ofSeconds(60)).until(() -> freeSlots("it-doctor"),
                list -> list.size() == VISITS);
        List<String> patients = new ArrayList<>();
        List<String> appointments = new ArrayList<>();
        for (int i = 0; i < VISITS; i++) {
            patients.add(bookingApi("registrar").body(Map.of("fullName", "Пациентка Перезапуска " + i, "phone",
                            "+7998" + String.format("%07d", (int) (Math.random() * 10_000_000)), "birthDate", "1979-06-0" + (i + 1),
                            "consent", Map.of("given", true, "version", "2026-01", "channel", "STAFF")))
                    .post("/api/patients").then().statusCode(201).extract().<String>path("id"));
            appointments.add(bookingApi("registrar").body(Map.of("patientId", patients.get(i), "slotId", slots.get(i),
                    "source", "STAFF")).post("/api/appointments").then().statusCode(201).extract().<String>path("id"));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> sim.state().path("appointments").size() == VISITS);

        // 1C:Бухгалтерия creates and posts, but its answers arrive after the 3 s timeout.
        sim.fault("accounting", "TIMEOUT", 1.0, 5_000, "POST");
        for (String appointment : appointments) {
            sim.visit(SimulatorClient.mapper().put("appointmentId", appointment).put("status", "COMPLETED")
                    .put("at", OffsetDateTime.now(MOSCOW).withNano(0).toString())
                    .set("services", SimulatorClient.mapper().arrayNode().add(SimulatorClient.mapper()
                            .put("code", "consultation").put("name", "Приём гинеколога").put("price", 3100)
                            .put("quantity", 1))));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String appointment : appointments) {
                assertThat(appointmentStatus(appointment)).isEqualTo("COMPLETED");
            }
        });
        // Crash as soon as 1C holds a document whose creation it never confirmed.
        await().atMost(Duration.ofSeconds(120)).until(() -> !sim.documents().isEmpty());
        integration.kill();
        assertThat(sim.documents().stream().filter(d -> d.path("posted").asBoolean()).count())
                .as("not everything was done before the crash").isLessThan(VISITS);

        // Back up while 1C:Бухгалтерия is down altogether: the work waits, the breaker opens.
        sim.fault("accounting", "ERROR");
        integration.start();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonPath status = status();
            assertThat(status.getString("breakers.find { it.name == '1c-accounting' }.state")).isEqualTo("OPEN");
            assertThat(status.getLong("billingQueue.depth")).isPositive();
        });

        // A clean restart, then 1C recovers: everything is posted, once.
        integration.stop();
        sim.clearFaults();
        integration.start();
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            JsonPath status = status();
            assertThat(status.getLong("billingQueue.depth")).isZero();
            assertThat(status.getLong("billingQueue.byState.POSTED")).isEqualTo(VISITS);
        });

        List<JsonNode> documents = sim.documents();
        assertThat(documents).as("one sales document per completed visit, no more").hasSize(VISITS);
        for (String appointment : appointments) {
            List<JsonNode> mine = documents.stream()
                    .filter(d -> ("yavka:visit:" + appointment).equals(d.path("marker").asText())).toList();
            assertThat(mine).as("documents of visit %s", appointment).hasSize(1);
            assertThat(mine.get(0).path("posted").asBoolean()).isTrue();
            assertThat(mine.get(0).path("postCalls").asInt()).as("posted once").isEqualTo(1);
            assertThat(mine.get(0).path("total").decimalValue()).isEqualByComparingTo("3100");
        }
        for (String patient : patients) {
            assertThat(sim.counterparties().stream()
                    .filter(c -> ("yavka:patient:" + patient).equals(c.path("marker").asText())))
                    .as("one counterparty per patient").hasSize(1);
        }
    }

    private static RequestSpecification bookingApi(String role) {
        return given().baseUri(booking.url()).header("Authorization", TestTokens.bearer(role))
                .contentType(ContentType.JSON);
    }

    private static List<String> freeSlots(String externalId) {
        List<Map<String, Object>> doctors = bookingApi("admin").get("/api/doctors").then().statusCode(200).extract()
                .jsonPath().getList("$");
        return doctors.stream().filter(d -> externalId.equals(d.get("externalId"))).findFirst()
                .map(d -> bookingApi("admin").queryParam("doctorId", d.get("id"))
                        .queryParam("to", OffsetDateTime.now(MOSCOW).plusDays(30).toLocalDate().toString())
                        .get("/api/slots").then().statusCode(200).extract().jsonPath().getList("id", String.class))
                .orElse(List.of());
    }

    private static String appointmentStatus(String id) {
        return bookingApi("admin").get("/api/appointments/" + id).then().statusCode(200).extract().path("status");
    }

    private static JsonPath status() {
        return given().baseUri(integration.url()).header("Authorization", TestTokens.bearer("admin"))
                .get("/api/integration/status").then().statusCode(200).extract().jsonPath();
    }
}
