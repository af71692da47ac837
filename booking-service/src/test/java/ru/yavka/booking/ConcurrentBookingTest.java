package ru.yavka.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** 200 patients race for 20 slots: exactly 20 bookings, 180 clean 409s, never two per slot. */
@QuarkusTest
class ConcurrentBookingTest {

    private static final int SLOTS = 20;
    private static final int REQUESTS = 200;

    @Test
    void exactlyOneBookingPerSlot() throws Exception {
        String doctor = Fixtures.doctor("cardiologist");
        List<String> slots = new ArrayList<>();
        for (int i = 0; i < SLOTS; i++) {
            slots.add(Fixtures.slot(doctor, 24 * 60 + i * 30L, 30));
        }
        List<String> patients = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            patients.add(Fixtures.patient("Пациент " + i, Fixtures.phone()));
        }

        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            Map<String, String> body = Map.of("patientId", patients.get(i), "slotId", slots.get(i % SLOTS),
                    "source", "TELEGRAM");
            Callable<Response> request = () -> {
                start.await();
                return Fixtures.as("service").body(body).post("/api/appointments");
            };
            answers.add(pool.submit(request));
        }
        start.countDown();
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        List<String> conflictDetails = new ArrayList<>();
        for (Future<Response> answer : answers) {
            Response response = answer.get();
            statuses.add(response.statusCode());
            if (response.statusCode() == 409) {
                assertThat(response.contentType()).startsWith("application/problem+json");
                conflictDetails.add(response.jsonPath().getString("detail"));
            }
        }
        pool.shutdown();

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(SLOTS);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(REQUESTS - SLOTS);
        assertThat(conflictDetails).allMatch(detail -> detail.contains("already taken"));
        assertThat(liveAppointmentsPerSlot(slots)).containsOnly(1);
    }

    /** Straight from the table, not through the API that made them. */
    private List<Integer> liveAppointmentsPerSlot(List<String> slots) throws Exception {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        List<Integer> counts = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
             Statement s = c.createStatement()) {
            for (String slot : slots) {
                try (ResultSet rs = s.executeQuery("select count(*) from appointment where slot_id = '" + slot
                        + "' and status in ('BOOKED','CONFIRMED','ARRIVED','COMPLETED')")) {
                    rs.next();
                    counts.add(rs.getInt(1));
                }
            }
        }
        return counts;
    }
}
