package ru.yavka.audit;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import ru.yavka.audit.support.AuditStackResource;

/**
 * Registers the run-isolated stack (IsolatedStackResource: own database, topics, keys; plus the
 * application's own least-privilege role) for every @QuarkusTest here, and the real
 * booking-service from its jar, which the access-request export reads.
 */
@QuarkusTestResource(value = AuditStackResource.class, initArgs = {
        @ResourceArg(name = "service", value = "audit"),
        @ResourceArg(name = "with", value = "booking-service")})
public final class IsolatedTest {

    private IsolatedTest() {
    }
}
