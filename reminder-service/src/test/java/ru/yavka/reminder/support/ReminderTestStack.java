package ru.yavka.reminder.support;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import ru.yavka.contracts.testing.IsolatedStackResource;
import ru.yavka.contracts.testing.TestTopics;

/**
 * The run-isolated stack (own database, topic prefix, consumer groups, JWT keys) for every
 * {@code @QuarkusTest} of this module, plus this run's topics created up front and a
 * booking-service stub on a free port.
 */
@QuarkusTestResource(value = ReminderTestStack.class, restrictToAnnotatedClass = false)
public class ReminderTestStack implements QuarkusTestResourceLifecycleManager {

    private final IsolatedStackResource stack = new IsolatedStackResource();
    private BookingStub booking;

    @Override
    public Map<String, String> start() {
        stack.init(Map.of("service", "reminder"));
        Map<String, String> config = new HashMap<>(stack.start());
        TestTopics.createAll(config.get("yavka.kafka.topic-prefix"));
        booking = BookingStub.start();
        config.put("quarkus.rest-client.booking.url", booking.url());
        return config;
    }

    @Override
    public void stop() {
        if (booking != null) {
            booking.close();
        }
        stack.stop();
    }
}
