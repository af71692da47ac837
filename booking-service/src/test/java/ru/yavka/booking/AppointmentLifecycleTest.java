package ru.yavka.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import ru.yavka.contracts.events.AppointmentArrived;
import ru.yavka.contracts.events.AppointmentBooked;
import ru.yavka.contracts.events.AppointmentCancelled;
import ru.yavka.contracts.events.AppointmentConfirmed;
import ru.yavka.contracts.events.AppointmentRescheduled;
import ru.yavka.contracts.events.DataAccessed;
import ru.yavka.contracts.events.NoShowDetected;
import ru.yavka.contracts.events.SlotReleased;
import ru.yavka.contracts.testing.EventTap;

@QuarkusTest
class AppointmentLifecycleTest {

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
    void repeatingAScheduleKeepsItsSlotsAndCreatesNothing() {
        String doctor = Fixtures.doctor("urologist");
        String day = OffsetDateTime.now(Fixtures.MOSCOW).plusDays(3).toLocalDate().toString();
        Map<String, Object> hours = Map.of("from", day, "to", day, "dayStart", "09:00", "dayEnd", "11:00",
                "slotMinutes", 30);
        Fixtures.as("admin").body(hours).post("/api/doctors/" + doctor + "/schedule")
                .then().statusCode(201).body("$", hasSize(4));
        Fixtures.as("admin").body(hours).post("/api/doctors/" + doctor + "/schedule")
                .then().statusCode(201).body("$", hasSize(0));
        Fixtures.as("registrar").get("/api/slots?doctorId=" + doctor).then().statusCode(200).body("$", hasSize(4));
    }

    @Test
    void bookConfirmCancelEmitsVersionedEventsAndRecordsWhoDidIt() {
        String doctor = Fixtures.doctor("neurologist");
        String slot = Fixtures.slot(doctor, 3 * 24 * 60, 30);
        String patient = Fixtures.patient();
        String appointment = Fixtures.book(patient, slot);

        Fixtures.as("registrar").get("/api/slots?doctorId=" + doctor).then().statusCode(200).body("$", hasSize(0));
        Fixtures.as("service").post("/api/appointments/" + appointment + "/confirm")
                .then().statusCode(200).body("status", equalTo("CONFIRMED")).body("version", equalTo(2));
        // A double tap acts once: same answer, no second event.
        Fixtures.as("service").post("/api/appointments/" + appointment + "/confirm")
                .then().statusCode(200).body("version", equalTo(2));
        Fixtures.as("registrar").body(Map.of("reason", "Пациент заболел"))
                .post("/api/appointments/" + appointment + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED")).body("cancelReason", equalTo("Пациент заболел"));
        Fixtures.as("service").post("/api/appointments/" + appointment + "/confirm")
                .then().statusCode(409).body("detail", containsString("cancelled"));

        UUID id = UUID.fromString(appointment);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(tap.events(AppointmentBooked.class, e -> e.appointmentId().equals(id))).hasSize(1);
            assertThat(tap.events(AppointmentConfirmed.class, e -> e.appointmentId().equals(id))).hasSize(1);
            assertThat(tap.events(AppointmentCancelled.class, e -> e.appointmentId().equals(id))).hasSize(1);
            assertThat(tap.events(SlotReleased.class, e -> e.slotId().toString().equals(slot))).hasSize(1);
        });
        AppointmentBooked booked = tap.events(AppointmentBooked.class, e -> e.appointmentId().equals(id)).get(0);
        assertThat(booked.meta().aggregateVersion()).isEqualTo(1);
        assertThat(booked.doctorName()).isEqualTo("Иванова Анна Петровна");
        assertThat(booked.bookedBy()).isEqualTo("registrar@test.yavka");
        assertThat(tap.events(AppointmentCancelled.class, e -> e.appointmentId().equals(id)).get(0)
                .meta().aggregateVersion()).isEqualTo(3);

        Fixtures.as("doctor").get("/api/appointments/" + appointment + "/history").then().statusCode(200)
                .body("to", org.hamcrest.Matchers.contains("BOOKED", "CONFIRMED", "CANCELLED"))
                .body("actor[2]", equalTo("registrar@test.yavka"));
        // The slot is free again.
        Fixtures.as("registrar").get("/api/slots?doctorId=" + doctor).then().body("id", org.hamcrest.Matchers.hasItem(slot));
    }

    @Test
    void rescheduleMovesToTheNewSlotAndFreesTheOld() {
        String doctor = Fixtures.doctor("dermatologist");
        String first = Fixtures.slot(doctor, 2 * 24 * 60, 30);
        String second = Fixtures.slot(doctor, 4 * 24 * 60, 30);
        String patient = Fixtures.patient();
        String appointment = Fixtures.book(patient, first);

        String moved = Fixtures.as("service").body(Map.of("slotId", second))
                .post("/api/appointments/" + appointment + "/reschedule")
                .then().statusCode(200).body("slotId", equalTo(second)).body("status", equalTo("BOOKED"))
                .extract().path("id");
        Fixtures.as("registrar").get("/api/appointments/" + appointment).then()
                .body("status", equalTo("RESCHEDULED")).body("rescheduledTo", equalTo(moved));
        Fixtures.as("registrar").get("/api/slots?doctorId=" + doctor).then().body("id", org.hamcrest.Matchers.contains(first));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(tap.events(AppointmentRescheduled.class,
                    e -> e.appointmentId().toString().equals(appointment) && e.newAppointmentId().toString().equals(moved)))
                    .hasSize(1);
            assertThat(tap.events(AppointmentBooked.class, e -> e.appointmentId().toString().equals(moved))).hasSize(1);
        });
    }

    @Test
    void overlappingAppointmentsOfOnePatientAreRefused() {
        String cardio = Fixtures.doctor("cardiologist");
        String neuro = Fixtures.doctor("neurologist");
        OffsetDateTime start = OffsetDateTime.now(Fixtures.MOSCOW).truncatedTo(ChronoUnit.HOURS).plusDays(5);
        String a = Fixtures.slotAt(cardio, start, 60);
        String b = Fixtures.slotAt(neuro, start.plusMinutes(30), 30);
        String patient = Fixtures.patient();
        Fixtures.book(patient, a);

        Fixtures.as("registrar").body(Map.of("patientId", patient, "slotId", b, "source", "PHONE"))
                .post("/api/appointments")
                .then().statusCode(409).body("detail", containsString("overlapping"));
    }

    @Test
    void visitThatStartedCannotBeCancelledButCanBeANoShowOrAnArrival() {
        String doctor = Fixtures.doctor("therapist");
        OffsetDateTime soon = OffsetDateTime.now(Fixtures.MOSCOW).plusSeconds(2);
        String slotForNoShow = Fixtures.slotAt(doctor, soon, 60);
        String slotForArrival = Fixtures.slotAt(doctor, soon.plusMinutes(60), 60);
        String early = Fixtures.book(Fixtures.patient(), slotForNoShow);
        String arriving = Fixtures.book(Fixtures.patient(), slotForArrival);

        Fixtures.as("service").post("/api/appointments/" + early + "/no-show")
                .then().statusCode(422).body("detail", containsString("not started"));
        await().atMost(Duration.ofSeconds(10)).until(() -> OffsetDateTime.now().isAfter(soon.plusSeconds(1)));

        Fixtures.as("registrar").body(Map.of("reason", "поздно")).post("/api/appointments/" + early + "/cancel")
                .then().statusCode(409).body("detail", containsString("already started"));
        Fixtures.as("service").post("/api/appointments/" + early + "/no-show")
                .then().statusCode(200).body("status", equalTo("NO_SHOW"));
        Fixtures.as("doctor").post("/api/appointments/" + arriving + "/arrive")
                .then().statusCode(200).body("status", equalTo("ARRIVED"));
        // An arrived patient is never a no-show.
        Fixtures.as("service").post("/api/appointments/" + arriving + "/no-show").then().statusCode(409);
        Fixtures.as("doctor").post("/api/appointments/" + arriving + "/complete")
                .then().statusCode(200).body("status", equalTo("COMPLETED"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(tap.events(NoShowDetected.class, e -> e.appointmentId().toString().equals(early))).hasSize(1);
            assertThat(tap.events(SlotReleased.class,
                    e -> e.slotId().toString().equals(slotForNoShow) && e.reason().equals("NO_SHOW"))).hasSize(1);
            assertThat(tap.events(AppointmentArrived.class, e -> e.appointmentId().toString().equals(arriving)))
                    .hasSize(1);
        });
    }

    @Test
    void everyReadAndWriteOfPatientDataIsAudited() {
        String patient = Fixtures.patient();
        Fixtures.as("doctor").header("X-Access-Purpose", "treatment").get("/api/patients/" + patient)
                .then().statusCode(200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var accesses = tap.events(DataAccessed.class, e -> e.patientId().toString().equals(patient));
            assertThat(accesses).extracting(DataAccessed::action)
                    .contains(DataAccessed.Action.CREATE, DataAccessed.Action.READ);
            DataAccessed read = accesses.stream().filter(e -> e.action() == DataAccessed.Action.READ).findFirst()
                    .orElseThrow();
            assertThat(read.actor()).isEqualTo("doctor@test.yavka");
            assertThat(read.actorRole()).isEqualTo("doctor");
            assertThat(read.purpose()).isEqualTo("treatment");
            assertThat(read.service()).isEqualTo("booking-service");
            assertThat(read.recordType()).isEqualTo("patient");
        });
    }
}
