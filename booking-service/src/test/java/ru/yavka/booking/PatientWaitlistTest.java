package ru.yavka.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import ru.yavka.contracts.events.DataAccessed;
import ru.yavka.contracts.testing.EventTap;

/** One patient's waitlist, as the access-request export (152-FZ Art. 14) reads it: filtered, with offers, audited. */
@QuarkusTest
class PatientWaitlistTest {

    private static final String PURPOSE = "subject-access-request";
    // No other test waits for this specialty, so the released slot can only be offered to this patient.
    private static final String SPECIALTY = "ophthalmologist";

    private static EventTap tap;

    @BeforeAll
    static void listen() {
        tap = EventTap.onRun();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        tap.close();
    }

    @Test
    void listsOnlyThatPatientsEntriesClosedOnesTooWithTheirOffersAndAuditsTheRead() {
        String doctor = Fixtures.doctor(SPECIALTY);
        String slot = Fixtures.slot(doctor, 2 * 24 * 60, 30);
        String appointment = Fixtures.book(Fixtures.patient(), slot);
        String patient = Fixtures.patient();
        String other = Fixtures.patient();
        String booked = join(patient, Map.of("doctorId", doctor));
        String waiting = join(patient, Map.of("specialty", "surgeon"));
        String othersEntry = join(other, Map.of("specialty", "surgeon"));
        // The cancellation offers the slot to the patient in its own transaction; taking it closes the entry.
        Fixtures.as("registrar").body(Map.of("reason", "отмена"))
                .post("/api/appointments/" + appointment + "/cancel").then().statusCode(200);
        String offer = Fixtures.as("service").get("/api/waitlist/offers").then().statusCode(200)
                .extract().path("find { it.entryId == '" + booked + "' }.id");
        String rebooked = Fixtures.as("service").post("/api/waitlist/offers/" + offer + "/accept")
                .then().statusCode(201).extract().path("id");

        Fixtures.as("auditor").header("X-Access-Purpose", PURPOSE).queryParam("patientId", patient)
                .get("/api/waitlist").then().statusCode(200)
                .body("id", contains(booked, waiting))
                .body("patientId", contains(patient, patient))
                .body("specialty", contains(SPECIALTY, "surgeon"))
                .body("doctorId", contains(doctor, null))
                .body("status", contains("BOOKED", "WAITING"))
                .body("[0].createdAt", containsString("+03:00"))
                .body("[0].offers.id", contains(offer))
                .body("[0].offers.slotId", contains(slot))
                .body("[0].offers.status", contains("ACCEPTED"))
                .body("[0].offers.appointmentId", contains(rebooked))
                .body("[1].offers", empty());
        // The whole waitlist is unchanged: active entries only, of everyone, without offers inside.
        Fixtures.as("registrar").get("/api/waitlist").then().statusCode(200)
                .body("id", hasItems(waiting, othersEntry))
                .body("id", not(hasItem(booked)))
                .body("find { it.id == '" + waiting + "' }", hasKey("createdAt"))
                .body("find { it.id == '" + waiting + "' }", not(hasKey("offers")));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<DataAccessed> reads = auditorReads(patient);
            assertThat(reads).hasSize(1);
            DataAccessed read = reads.get(0);
            assertThat(read.actor()).isEqualTo("auditor@test.yavka");
            assertThat(read.actorRole()).isEqualTo("auditor");
            assertThat(read.purpose()).isEqualTo(PURPOSE);
            assertThat(read.service()).isEqualTo("booking-service");
        });
        // Written in the same transaction as the patient's read: had it been there, it would be here by now.
        assertThat(auditorReads(other)).isEmpty();
    }

    @Test
    void aPatientWithoutEntriesGetsAnEmptyList() {
        Fixtures.as("auditor").header("X-Access-Purpose", PURPOSE).queryParam("patientId", Fixtures.patient())
                .get("/api/waitlist").then().statusCode(200).body("$", empty());
    }

    @Test
    void aMalformedPatientIdIsAProblemNamingIt() {
        BadInputTest.problem(Fixtures.as("auditor").queryParam("patientId", "not-a-uuid").get("/api/waitlist")
                .then(), 400, "patientId").body("detail", containsString("UUID"));
    }

    @Test
    void anAuditorReadsOnePatientNeverTheWholeWaitlist() {
        BadInputTest.problem(Fixtures.as("auditor").get("/api/waitlist").then(), 403, "patientId");
        Fixtures.as("doctor").queryParam("patientId", Fixtures.patient()).get("/api/waitlist").then()
                .statusCode(403);
    }

    private static List<DataAccessed> auditorReads(String patient) {
        return tap.events(DataAccessed.class, e -> e.patientId().toString().equals(patient)
                && e.action() == DataAccessed.Action.READ && "waitlist".equals(e.recordType())
                && "auditor".equals(e.actorRole()));
    }

    private static String join(String patient, Map<String, String> target) {
        Map<String, Object> body = new HashMap<>(target);
        body.put("patientId", patient);
        body.put("from", LocalDate.now(Fixtures.MOSCOW).toString());
        body.put("to", LocalDate.now(Fixtures.MOSCOW).plusDays(10).toString());
        return Fixtures.as("service").body(body).post("/api/waitlist")
                .then().statusCode(201).extract().path("id");
    }
}
