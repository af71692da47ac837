package ru.yavka.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import ru.yavka.contracts.testing.IsolatedStackResource;
import ru.yavka.notification.support.StandIns;

/**
 * Registers, for every @QuarkusTest here, the run-isolated stack (own database, topics, keys)
 * with the real booking-service beside it, and the stand-ins for what is not in this build:
 * a VAPID key pair, and the reminder, 1C-integration and audit APIs the PWA reads.
 */
@QuarkusTestResource(value = IsolatedStackResource.class, initArgs = {
        @ResourceArg(name = "service", value = "notification"),
        @ResourceArg(name = "with", value = "booking-service")})
@QuarkusTestResource(StandIns.class)
public final class IsolatedTest {

    private IsolatedTest() {
    }
}
