package ru.yavka.integration.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import ru.yavka.contracts.testing.IsolatedStackResource;
import ru.yavka.integration.simulator.OneCSimulator;

/**
 * Everything a {@code @QuarkusTest} of this module runs against: the run-isolated stack (own
 * database, topics, Redis prefix, JWT keys), a 1C simulator on a free port speaking the
 * documented contract and OData, and the real booking-service started from its jar. The
 * simulator and booking-service are reached by the tests over HTTP, at {@code yavka.test.*}.
 */
public class IntegrationTestStack implements QuarkusTestResourceLifecycleManager {

    public static final String SIMULATOR_URL = "yavka.test.simulator-url";
    public static final String BOOKING_URL = "yavka.test.booking-url";

    private final IsolatedStackResource stack = new IsolatedStackResource();
    private OneCSimulator simulator;
    private BookingServiceProcess booking;

    @Override
    public Map<String, String> start() {
        stack.init(Map.of("service", "integration_1c"));
        Map<String, String> config = new HashMap<>(stack.start());
        simulator = OneCSimulator.start(0, "sim-" + UUID.randomUUID());
        booking = BookingServiceProcess.start(config, "integration_1c");
        config.put("yavka.onec.medicine.url", simulator.medicineUrl());
        config.put("yavka.onec.medicine.password", simulator.password());
        config.put("yavka.onec.accounting.url", simulator.accountingUrl());
        config.put("yavka.onec.accounting.password", simulator.password());
        config.put("quarkus.rest-client.booking.url", booking.url());
        config.put(SIMULATOR_URL, simulator.url());
        config.put(BOOKING_URL, booking.url());
        return config;
    }

    @Override
    public void stop() {
        if (booking != null) {
            booking.close();
        }
        if (simulator != null) {
            simulator.close();
        }
        stack.stop();
    }
}
