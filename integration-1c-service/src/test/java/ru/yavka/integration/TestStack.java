package ru.yavka.integration;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.test.common.QuarkusTestResource;
import ru.yavka.integration.testing.IntegrationTestStack;
import ru.yavka.integration.testing.SimulatorClient;

/** Registers the module's test stack once for every @QuarkusTest here, and hands out its parts. */
@QuarkusTestResource(value = IntegrationTestStack.class, restrictToAnnotatedClass = false)
public final class TestStack {

    private TestStack() {
    }

    static SimulatorClient simulator() {
        return new SimulatorClient(config(IntegrationTestStack.SIMULATOR_URL));
    }

    static String bookingUrl() {
        return config(IntegrationTestStack.BOOKING_URL);
    }

    private static String config(String key) {
        return ConfigProvider.getConfig().getValue(key, String.class);
    }
}
