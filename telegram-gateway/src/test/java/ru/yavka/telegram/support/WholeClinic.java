package ru.yavka.telegram.support;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;
import ru.yavka.contracts.testing.IsolatedStackResource;

/**
 * The gateway with every service a patient's journey touches running for real beside it:
 * booking, reminder, triage, audit, integration-1c and notification (the staff PWA's API), each
 * from its packaged jar with its own database and log. Only the outside systems are stand-ins:
 * Telegram, and 1C (the simulator of integration-1c-service's tests).
 */
public class WholeClinic implements QuarkusTestProfile {

    public static final String SERVICES =
            "booking-service,reminder-service,triage-service,audit-service,integration-1c-service,notification-service";

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(
                new TestResourceEntry(IsolatedStackResource.class,
                        Map.of("service", "telegram_clinic", "with", SERVICES)),
                new TestResourceEntry(GatewayStandIns.class, Map.of("triage", "real")));
    }
}
