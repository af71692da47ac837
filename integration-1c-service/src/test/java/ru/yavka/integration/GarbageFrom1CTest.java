package ru.yavka.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import ru.yavka.integration.testing.SimulatorClient;

/**
 * Garbage from 1C is rejected with a logged reason and never reaches the schedule. The
 * garbage carries a patient's name and phone where an id or a time should be: the reasons
 * name the record and the rule, and the log never shows those values.
 */
@QuarkusTest
class GarbageFrom1CTest {

    private static final Path LOG = Path.of("target", "integration-1c-test.log");
    private static final List<String> PERSONAL = List.of("Петров Пётр", "+79161234567", "Сидорова Ольга",
            "+79160000000", "Морозов Алексей", "+79165554433", "1962-03-08");

    @Inject
    CircuitBreakerMaintenance breakers;

    private final SimulatorClient sim = TestStack.simulator();

    @BeforeEach
    void fresh() {
        sim.reset();
        breakers.resetAll();
    }

    @Test
    void aScheduleThatIsNotJsonIsRejectedAndNothingIsApplied() throws IOException {
        sim.fault("schedule", "GARBAGE");
        JsonPath sync = Api.sync("schedule");
        // Rejected like an outage: the cached schedule (if any) is served, never re-applied.
        if (sync.getBoolean("schedule.ok")) {
            assertThat(sync.getString("schedule.report.source")).isEqualTo("CACHE");
            assertThat(sync.getInt("schedule.report.slotsCreated")).isZero();
        }
        assertThat(sync.getBoolean("schedule.ok") ? sync.getString("schedule.report.note")
                : sync.getString("schedule.error")).contains("not JSON");
        awaitLog("1C schedule: answer rejected, nothing applied: schedule: response is not JSON (text/html");
        assertThat(Api.status().getString("syncs.find { it.kind == 'schedule' }.lastOutcome")).contains("not JSON");
    }

    @Test
    void invalidRecordsAreLeftOutWithAReasonAndValidOnesApplied() throws IOException {
        String tomorrow10 = Api.at(2, 10, 0).toString();
        sim.rawSchedule("""
                {"doctors": [
                  {"id": "gb-ok", "fullName": "Ткачёва Ирина Львовна", "specialty": "Дерматолог",
                   "branch": "Центр", "address": "Москва, ул. Тверская, 7",
                   "slots": [
                     {"id": "gb-good", "start": "%s", "durationMinutes": 30},
                     {"id": "gb-bad-start", "start": "Петров Пётр +79161234567", "durationMinutes": 30},
                     {"id": "gb-bad-length", "start": "%s", "durationMinutes": 0},
                     {"id": "gb-good", "start": "%s", "durationMinutes": 30}
                   ]},
                  {"id": "Сидорова Ольга +79160000000", "fullName": "Сидорова Ольга", "specialty": "Шаман",
                   "slots": []},
                  {"id": "gb-no-name", "specialty": "Терапевт", "slots": []},
                  "Морозов Алексей"
                ]}
                """.formatted(tomorrow10, Api.at(2, 11, 0), Api.at(2, 12, 0)));

        JsonPath sync = Api.sync("schedule");
        assertThat(sync.getBoolean("schedule.ok")).isTrue();
        assertThat(sync.getInt("schedule.report.doctors")).isEqualTo(1);
        assertThat(sync.getInt("schedule.report.slotsCreated")).isEqualTo(1);

        Map<String, Object> doctor = Api.doctor("gb-ok");
        assertThat(doctor).isNotNull();
        List<Map<String, Object>> slots = Api.freeSlots((String) doctor.get("id"));
        assertThat(slots).extracting(s -> s.get("externalId")).containsExactly("gb-good");
        assertThat(Api.doctor("gb-no-name")).isNull();

        awaitLog("doctors[0] (id gb-ok).slots[1] (id gb-bad-start): 'start' is not an ISO-8601 date-time");
        String log = log();
        assertThat(log).contains("doctors[0] (id gb-ok).slots[2] (id gb-bad-length): 'durationMinutes' is outside 5..480");
        assertThat(log).contains("doctors[0] (id gb-ok).slots[3] (id gb-good): repeats a slot id given earlier");
        assertThat(log).contains("doctors[1] (id (id not shown)): 'specialty' is not a known specialty");
        assertThat(log).contains("doctors[2] (id gb-no-name): 'fullName' is missing");
        assertThat(log).contains("doctors[3]: is not an object");
        assertNoPersonalData(log);
    }

    @Test
    void visitFactsThatAreAllGarbageAreRejectedAsAnAnswer() throws IOException {
        LocalDate today = LocalDate.now(Api.MOSCOW);
        sim.rawVisits(today, """
                {"visits": [
                  {"appointmentId": "Морозов Алексей", "phone": "+79165554433", "status": "COMPLETED",
                   "at": "%sT10:00:00+03:00", "services": []},
                  {"appointmentId": "8c3a3d7e-0d0a-4c4b-9f0e-7b1f6f3c2a11", "patient": "Петров Пётр",
                   "birthDate": "1962-03-08", "status": "ПРИШЁЛ С ЖЕНОЙ", "at": "%sT10:00:00+03:00"}
                ]}
                """.formatted(today, today));
        JsonPath sync = Api.sync("visits");
        assertThat(sync.getBoolean("visits.ok") ? sync.getString("visits.report.days[-1].note")
                : sync.getString("visits.error")).contains("rejected");
        awaitLog("1C visits: answer rejected, nothing applied: visits: none of the 2 records is usable; first reason:"
                + " visits[0]: 'appointmentId' is not a UUID");
        assertNoPersonalData(log());
    }

    private static void assertNoPersonalData(String log) {
        for (String value : PERSONAL) {
            assertThat(log).as("the log must not contain personal data").doesNotContain(value);
        }
    }

    private static void awaitLog(String expected) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(log()).contains(expected));
    }

    private static String log() throws IOException {
        return Files.readString(LOG, StandardCharsets.UTF_8);
    }
}
