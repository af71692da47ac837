package ru.yavka.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import ru.yavka.integration.client.Breakers;
import ru.yavka.integration.testing.SimulatorClient;

/**
 * With all of 1C down, patients keep booking and cancelling in the real booking-service; the
 * appointments wait in this service's queue behind an open breaker; once 1C is back each one
 * reaches 1C:Медицина with its latest state.
 */
@QuarkusTest
class BookingDuring1COutageTest {

    @Inject
    CircuitBreakerMaintenance breakers;

    private final SimulatorClient sim = TestStack.simulator();

    @BeforeEach
    void fresh() {
        sim.reset();
        breakers.resetAll();
    }

    @AfterEach
    void healed() {
        sim.clearFaults();
    }

    @Test
    void bookingGoesOnWhile1CIsDownAndEveryAppointmentReachesItAfterwards() {
        OffsetDateTime nine = Api.at(6, 9, 0);
        ObjectNode doctor = SimulatorClient.doctorJson("out-doctor", "Гусев Павел Андреевич", "Терапевт");
        for (int i = 0; i < 6; i++) {
            SimulatorClient.slot(doctor, "out-" + i, nine.plusMinutes(30L * i), 30);
        }
        sim.doctor(doctor);
        assertThat(Api.sync("schedule").getBoolean("schedule.ok")).isTrue();
        String doctorId = (String) Api.doctor("out-doctor").get("id");
        List<String> slots = Api.freeSlots(doctorId).stream().map(s -> (String) s.get("id")).toList();
        assertThat(slots).hasSize(6);

        sim.fault("*", "ERROR");

        // 1C is down; booking is not.
        List<String> appointments = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            appointments.add(Api.book(Api.patient("Пациент Простоя " + i), slots.get(i)));
        }
        // Pushes fail until three in a row open the appointments breaker.
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Api.sync("appointments");
            assertThat(Api.breaker(Breakers.APPOINTMENTS)).isEqualTo("OPEN");
        });

        // Still booking, and cancelling, with the breaker open.
        for (int i = 3; i < 5; i++) {
            appointments.add(Api.book(Api.patient("Пациент Простоя " + i), slots.get(i)));
        }
        Api.cancel(appointments.get(1));
        assertThat(Api.appointmentStatus(appointments.get(1))).isEqualTo("CANCELLED");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Api.status().getLong("appointmentQueue.depth") >= appointments.size());
        assertThat(sim.state().path("appointments").size()).as("nothing reached 1C while it was down").isZero();

        // 1C is back: after the breaker's delay a probe succeeds and the queue drains.
        sim.clearFaults();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Api.sync("appointments");
            assertThat(Api.status().getLong("appointmentQueue.depth")).isZero();
        });
        assertThat(Api.breaker(Breakers.APPOINTMENTS)).isEqualTo("CLOSED");
        for (int i = 0; i < appointments.size(); i++) {
            JsonNode in1C = sim.appointment(appointments.get(i));
            assertThat(in1C.isMissingNode()).as("appointment %d reached 1C", i).isFalse();
            assertThat(in1C.path("status").asText()).isEqualTo(i == 1 ? "CANCELLED" : "BOOKED");
            assertThat(in1C.path("doctorId").asText()).isEqualTo("out-doctor");
            assertThat(in1C.path("slotId").asText()).isEqualTo("out-" + i);
        }
        Map<String, Object> status = Api.status().getMap("lastSuccessfulSync");
        assertThat(status.get("appointments")).isNotNull();
    }
}
