package ru.yavka.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import ru.yavka.integration.testing.SimulatorClient;

/**
 * 1C's doctors and slots arrive in the real booking-service under 1C's ids, once; a later sync
 * adds what is new and never takes anything away, so a booked appointment survives 1C
 * withdrawing its slot; a slot staff already made at the same time is kept as it is.
 */
@QuarkusTest
class ScheduleSyncTest {

    @Inject
    CircuitBreakerMaintenance breakers;

    private final SimulatorClient sim = TestStack.simulator();

    @BeforeEach
    void fresh() {
        sim.reset();
        breakers.resetAll();
    }

    @Test
    void syncAddsByExternalIdOnceAndNeverDestroysABookedAppointment() {
        OffsetDateTime nine = Api.at(4, 9, 0);
        ObjectNode doctor = SimulatorClient.doctorJson("ss-doctor", "Белова Нина Сергеевна", "Невролог");
        SimulatorClient.slot(doctor, "ss-0900", nine, 30);
        SimulatorClient.slot(doctor, "ss-0930", nine.plusMinutes(30), 30);
        SimulatorClient.slot(doctor, "ss-1000", nine.plusMinutes(60), 30);
        sim.doctor(doctor);

        JsonPath first = Api.sync("schedule");
        assertThat(first.getBoolean("schedule.ok")).isTrue();
        assertThat(first.getString("schedule.report.source")).isEqualTo("LIVE");
        assertThat(first.getInt("schedule.report.doctorsCreated")).isEqualTo(1);
        assertThat(first.getInt("schedule.report.slotsCreated")).isEqualTo(3);

        Map<String, Object> inBooking = Api.doctor("ss-doctor");
        assertThat(inBooking).isNotNull();
        assertThat(inBooking.get("specialty")).isEqualTo("neurologist");
        assertThat(inBooking.get("fullName")).isEqualTo("Белова Нина Сергеевна");
        String doctorId = (String) inBooking.get("id");
        assertThat(externalIds(Api.freeSlots(doctorId))).containsExactlyInAnyOrder("ss-0900", "ss-0930", "ss-1000");

        // The same schedule again: nothing new, nothing twice.
        JsonPath again = Api.sync("schedule");
        assertThat(again.getInt("schedule.report.doctorsCreated")).isZero();
        assertThat(again.getInt("schedule.report.slotsCreated")).isZero();
        assertThat(Api.freeSlots(doctorId)).hasSize(3);

        // A patient books 09:00; staff add a slot of their own at 11:00.
        String slot0900 = idOf(Api.freeSlots(doctorId), "ss-0900");
        String appointment = Api.book(Api.patient("Зайцев Олег Игоревич"), slot0900);
        String staffSlot = Api.staffSlot(doctorId, nine.plusHours(2));

        // 1C withdraws 09:00 (booked) and 09:30 (free), adds 10:30, and publishes its own 11:00.
        ObjectNode changed = SimulatorClient.doctorJson("ss-doctor", "Белова Нина Сергеевна", "Невролог");
        SimulatorClient.slot(changed, "ss-1000", nine.plusMinutes(60), 30);
        SimulatorClient.slot(changed, "ss-1030", nine.plusMinutes(90), 30);
        SimulatorClient.slot(changed, "ss-1100", nine.plusMinutes(120), 30);
        sim.doctor(changed);

        JsonPath third = Api.sync("schedule");
        assertThat(third.getInt("schedule.report.slotsCreated")).isEqualTo(1);
        assertThat(third.getInt("schedule.report.slotsAlreadyInBooking")).isEqualTo(1);
        assertThat(third.getInt("schedule.report.slotsWithdrawn")).isEqualTo(2);

        assertThat(Api.appointmentStatus(appointment)).as("the booked appointment is untouched").isEqualTo("BOOKED");
        List<Map<String, Object>> free = Api.freeSlots(doctorId);
        assertThat(externalIds(free)).containsExactlyInAnyOrder("ss-0930", "ss-1000", "ss-1030", null);
        assertThat(free.stream().filter(s -> s.get("externalId") == null).map(s -> s.get("id")))
                .as("staff's 11:00 slot is kept, and no second one is made").containsExactly(staffSlot);

        JsonPath status = Api.status();
        assertThat(status.getLong("slotsWithdrawnIn1C")).isGreaterThanOrEqualTo(2);
        assertThat(status.getString("lastSuccessfulSync.schedule")).isNotNull();
        assertThat(status.getList("breakers.state", String.class)).containsOnly("CLOSED");
        assertThat(status.getList("breakers.name", String.class)).containsExactly("1c-schedule", "1c-appointments",
                "1c-visits", "1c-patients", "1c-accounting");
    }

    private static List<Object> externalIds(List<Map<String, Object>> slots) {
        return slots.stream().map(s -> s.get("externalId")).toList();
    }

    private static String idOf(List<Map<String, Object>> slots, String externalId) {
        return slots.stream().filter(s -> externalId.equals(s.get("externalId"))).map(s -> (String) s.get("id"))
                .findFirst().orElseThrow();
    }
}
