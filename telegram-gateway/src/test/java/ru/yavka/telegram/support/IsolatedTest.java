package ru.yavka.telegram.support;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import ru.yavka.contracts.testing.IsolatedStackResource;

/**
 * Registers, for every @QuarkusTest here, the run-isolated stack (own database, topics, Redis
 * prefix, keys) with the real booking-service as a child process, and the local stand-ins for
 * Telegram and triage-service.
 */
@QuarkusTestResource(value = IsolatedStackResource.class, initArgs = {
    @ResourceArg(name = "service", value = "telegram"),
    @ResourceArg(name = "with", value = "booking-service")})
@QuarkusTestResource(GatewayStandIns.class)
public final class IsolatedTest {

    private IsolatedTest() {
    }
}
