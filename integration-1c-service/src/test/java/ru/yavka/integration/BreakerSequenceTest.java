package ru.yavka.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import ru.yavka.integration.client.Breakers;
import ru.yavka.integration.testing.SimulatorClient;

/**
 * The exact life of one endpoint group's breaker (the schedule), counted at the simulator:
 * three consecutive failures open it; while open no call reaches 1C and callers get the
 * cached schedule with its age; after the delay exactly one probe goes through while other
 * callers still get the cache; a failed probe opens it again, a successful one closes it.
 * The test profile shortens the delay to 3 s and the timeout to 8 s.
 */
@QuarkusTest
class BreakerSequenceTest {

    private static final String SCHEDULE = Breakers.SCHEDULE;

    @Inject
    CircuitBreakerMaintenance breakers;

    private final SimulatorClient sim = TestStack.simulator();
    private final ExecutorService callers = Executors.newFixedThreadPool(5);

    @BeforeEach
    void freshSimulatorAndBreakers() {
        sim.reset();
        breakers.resetAll();
    }

    @AfterEach
    void stopCallers() {
        sim.clearFaults();
        callers.shutdownNow();
    }

    @Test
    void threeFailuresOpenItOpenServesTheCacheAndOneProbeDecides() throws Exception {
        ObjectNode doctor = SimulatorClient.doctorJson("bs-doctor", "Орлова Вера Павловна", "Кардиолог");
        SimulatorClient.slot(doctor, "bs-slot-1", Api.at(3, 10, 0), 30);
        sim.doctor(doctor);

        JsonPath live = Api.schedule();
        assertThat(live.getString("source")).isEqualTo("LIVE");
        assertThat(live.getList("data.doctors.externalId", String.class)).containsExactly("bs-doctor");
        String goodAt = live.getString("fetchedAt");
        assertThat(sim.requests("schedule")).isEqualTo(1);

        // Failures 1 and 2 (HTTP 500): each reaches 1C, each caller gets the last good schedule.
        sim.fault("schedule", "ERROR");
        for (long reached = 2; reached <= 3; reached++) {
            JsonPath cached = Api.schedule();
            assertThat(cached.getString("source")).isEqualTo("CACHE");
            assertThat(cached.getString("fetchedAt")).isEqualTo(goodAt);
            assertThat(cached.getList("data.doctors.externalId", String.class)).containsExactly("bs-doctor");
            assertThat(sim.requests("schedule")).isEqualTo(reached);
            assertThat(Api.breaker(SCHEDULE)).isEqualTo("CLOSED");
        }

        // Failure 3, a timeout (1C answers after 12 s, the call gives up at 8 s): the breaker opens.
        sim.fault("schedule", "TIMEOUT", 1.0, 12_000, null);
        JsonPath timedOut = Api.schedule();
        assertThat(timedOut.getString("source")).isEqualTo("CACHE");
        assertThat(timedOut.getString("reason")).contains("in time");
        assertThat(sim.requests("schedule")).isEqualTo(4);
        assertThat(Api.breaker(SCHEDULE)).isEqualTo("OPEN");
        assertThat(RestAssured.get("/q/health").then().statusCode(503).extract().jsonPath()
                .getString("checks.find { it.name == '1c-circuit-breakers' }.data.'1c-schedule'")).isEqualTo("OPEN");
        assertThat(RestAssured.get("/q/metrics").then().statusCode(200).extract().asString())
                .contains("yavka_onec_breaker_state{breaker=\"1c-schedule\",state=\"OPEN\"} 1.0");

        // Open: nothing reaches 1C; every caller gets the cache, its age and why.
        for (int i = 0; i < 5; i++) {
            JsonPath cached = Api.schedule();
            assertThat(cached.getString("source")).isEqualTo("CACHE");
            assertThat(cached.getString("fetchedAt")).isEqualTo(goodAt);
            assertThat(cached.getLong("ageSeconds")).isGreaterThanOrEqualTo(0);
            assertThat(cached.getString("reason")).contains("circuit breaker open");
        }
        assertThat(sim.requests("schedule")).isEqualTo(4);

        // Half-open after the delay: one probe; it fails, so the breaker opens again.
        awaitHalfOpen();
        JsonPath failedProbe = probe("ERROR");
        assertThat(failedProbe.getString("source")).isEqualTo("CACHE");
        assertThat(sim.requests("schedule")).isEqualTo(5);
        assertThat(Api.breaker(SCHEDULE)).isEqualTo("OPEN");
        assertThat(Api.schedule().getString("source")).isEqualTo("CACHE");
        assertThat(sim.requests("schedule")).isEqualTo(5);

        // Half-open again: one probe; it succeeds, so the breaker closes and 1C is asked again.
        awaitHalfOpen();
        JsonPath goodProbe = probe("OK");
        assertThat(goodProbe.getString("source")).isEqualTo("LIVE");
        assertThat(sim.requests("schedule")).isEqualTo(6);
        assertThat(Api.breaker(SCHEDULE)).isEqualTo("CLOSED");
        assertThat(Api.schedule().getString("source")).isEqualTo("LIVE");
        assertThat(sim.requests("schedule")).isEqualTo(7);
        assertThat(Api.status().getString("caches.find { it.name == 'schedule' }.ageSeconds")).isNotNull();
    }

    private void awaitHalfOpen() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> "HALF_OPEN".equals(Api.breaker(SCHEDULE)));
    }

    /**
     * Holds the probe inside the simulator, sends four more callers meanwhile (they must get
     * the cache without reaching 1C), then lets the probe finish as {@code outcome}.
     */
    private JsonPath probe(String outcome) throws Exception {
        long before = sim.requests("schedule");
        sim.fault("schedule", "HOLD");
        Future<JsonPath> probe = callers.submit(Api::schedule);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> sim.held() == 1);
        List<Future<JsonPath>> others = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            others.add(callers.submit(Api::schedule));
        }
        for (Future<JsonPath> other : others) {
            JsonPath answer = other.get(30, TimeUnit.SECONDS);
            assertThat(answer.getString("source")).isEqualTo("CACHE");
            assertThat(answer.getString("reason")).contains("circuit breaker open");
        }
        assertThat(sim.requests("schedule")).as("only the probe reached 1C").isEqualTo(before + 1);
        if ("OK".equals(outcome)) {
            sim.clearFaults();
        } else {
            sim.fault("schedule", outcome);
            sim.release(outcome);
        }
        return probe.get(30, TimeUnit.SECONDS);
    }
}
