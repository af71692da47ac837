package ru.yavka.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import ru.yavka.audit.support.Api;
import ru.yavka.audit.support.Db;
import ru.yavka.audit.support.Events;
import ru.yavka.contracts.events.DataAccessed;
import ru.yavka.contracts.events.DataAccessed.Action;

/**
 * The auditor's search (filters, paging, Moscow times) and a patient's "who looked at my
 * record", over events that came in through Kafka like everyone else's.
 */
@QuarkusTest
class AuditApiTest {

    /** 1 December 2026, 09:00 in Moscow; the events follow hourly, alternating patients. */
    private static final Instant START = Instant.parse("2026-12-01T06:00:00Z");
    private static final int EVENTS = 12;

    private static UUID anna;
    private static UUID boris;
    private static String alice;
    private static String bob;
    private static List<DataAccessed> events;

    @BeforeEach
    void log() throws Exception {
        if (events != null) {
            return;
        }
        anna = UUID.randomUUID();
        boris = UUID.randomUUID();
        alice = "alice-" + UUID.randomUUID() + "@clinic";
        bob = "bob-" + UUID.randomUUID() + "@clinic";
        List<DataAccessed> made = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            // anna: 0, 2, 4 ... (six); boris: 1, 3, 5 ... (six); alice acts on 0, 1, 2, 3; bob on the rest.
            made.add(Events.access(i % 2 == 0 ? anna : boris, i < 4 ? alice : bob, i < 4 ? "doctor" : "registrar",
                    i < 4 ? Action.READ : Action.UPDATE, i < 4 ? "medical-care" : "medical-care-scheduling",
                    i < 4 ? "booking-service" : "telegram-gateway", START.plus(Duration.ofHours(i))));
        }
        Set<UUID> ids = made.stream().map(e -> e.meta().eventId()).collect(Collectors.toSet());
        Events.send(made);
        await().atMost(Duration.ofSeconds(60)).until(() -> Db.stored(ids) == EVENTS);
        events = made;
    }

    @Test
    void byPatientNewestFirstWithTimesInMoscow() {
        JsonPath page = Api.auditor().queryParam("patientId", anna.toString()).get("/api/audit")
                .then().statusCode(200)
                .body("total", equalTo(6)).body("page", equalTo(0)).body("size", equalTo(50))
                .body("items", hasSize(6))
                .body("items.patientId", everyItem(equalTo(anna.toString())))
                .extract().jsonPath();
        List<OffsetDateTime> times = page.getList("items.occurredAt", String.class).stream()
                .map(OffsetDateTime::parse).toList();
        assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(times).allSatisfy(t -> assertThat(t.getOffset().getId()).isEqualTo("+03:00"));
        // The newest of anna's: event 10, at 19:00 Moscow.
        assertThat(times.get(0)).isEqualTo(OffsetDateTime.parse("2026-12-01T19:00:00+03:00"));
        DataAccessed newest = events.get(10);
        assertThat(page.getString("items[0].eventId")).isEqualTo(newest.meta().eventId().toString());
        assertThat(page.getString("items[0].actor")).isEqualTo(bob);
        assertThat(page.getString("items[0].action")).isEqualTo("UPDATE");
        assertThat(page.getString("items[0].service")).isEqualTo("telegram-gateway");
        assertThat(page.getString("items[0].hash")).hasSize(64);
        assertThat(page.getLong("items[0].sequence")).isPositive();
    }

    @Test
    void byActorAndByPatientAndActor() {
        Api.auditor().queryParam("actor", alice).get("/api/audit").then().statusCode(200)
                .body("total", equalTo(4)).body("items.actor", everyItem(equalTo(alice)));
        Api.auditor().queryParam("actor", alice).queryParam("patientId", boris.toString()).get("/api/audit")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.eventId", equalTo(List.of(events.get(3).meta().eventId().toString(),
                        events.get(1).meta().eventId().toString())));
        Api.auditor().queryParam("actor", "nobody-" + UUID.randomUUID()).get("/api/audit").then().statusCode(200)
                .body("total", equalTo(0)).body("items", hasSize(0));
    }

    @Test
    void byTimeWithOffsetsOrWholeMoscowDays() {
        // 12:00 to 15:00 Moscow (exclusive) holds events 3, 4 and 5; bob's are 4 and 5.
        Api.auditor().queryParam("actor", bob).queryParam("from", "2026-12-01T12:00:00+03:00")
                .queryParam("to", "2026-12-01T15:00:00+03:00").get("/api/audit").then().statusCode(200)
                .body("total", equalTo(2));
        Api.auditor().queryParam("patientId", boris.toString()).queryParam("from", "2026-12-01T12:00:00Z")
                .get("/api/audit").then().statusCode(200)
                .body("total", equalTo(3)); // 12:00 UTC onwards is 15:00 Moscow onwards: events 7, 9, 11
        Api.auditor().queryParam("patientId", anna.toString()).queryParam("from", "2026-12-01")
                .queryParam("to", "2026-12-01").get("/api/audit").then().statusCode(200)
                .body("total", equalTo(6));
        Api.auditor().queryParam("patientId", anna.toString()).queryParam("from", "2026-12-02")
                .get("/api/audit").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void pagesCoverEverythingOnceWithTheTotal() {
        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonPath body = Api.auditor().queryParam("actor", bob).queryParam("page", page).queryParam("size", 3)
                    .get("/api/audit").then().statusCode(200)
                    .body("total", equalTo(8)).body("page", equalTo(page)).body("size", equalTo(3))
                    .extract().jsonPath();
            seen.addAll(body.getList("items.eventId", String.class));
        }
        assertThat(seen).hasSize(8).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(events.subList(4, EVENTS).stream()
                        .map(e -> e.meta().eventId().toString()).toList());
        Api.auditor().queryParam("actor", bob).queryParam("page", 5).queryParam("size", 3).get("/api/audit")
                .then().statusCode(200).body("total", equalTo(8)).body("items", hasSize(0));
    }

    @Test
    void whoLookedAtMyRecord() {
        JsonPath body = Api.auditor().get("/api/audit/patients/" + boris + "/accesses").then().statusCode(200)
                .body("patientId", equalTo(boris.toString()))
                .body("total", equalTo(6)).body("items", hasSize(6))
                .extract().jsonPath();
        assertThat(body.getString("items[5].actor")).isEqualTo(alice);
        assertThat(body.getString("items[5].role")).isEqualTo("doctor");
        assertThat(body.getString("items[5].action")).isEqualTo("READ");
        assertThat(body.getString("items[5].purpose")).isEqualTo("medical-care");
        assertThat(body.getString("items[5].service")).isEqualTo("booking-service");
        assertThat(body.getString("items[5].at")).isEqualTo("2026-12-01T10:00:00+03:00");
        assertThat(body.getString("items[0].at")).isEqualTo("2026-12-01T20:00:00+03:00");
        Api.auditor().queryParam("size", 2).get("/api/audit/patients/" + boris + "/accesses").then().statusCode(200)
                .body("total", equalTo(6)).body("items", hasSize(2));
        Api.auditor().get("/api/audit/patients/" + UUID.randomUUID() + "/accesses").then().statusCode(200)
                .body("total", equalTo(0)).body("items", hasSize(0));
    }
}
