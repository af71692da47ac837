package ru.yavka.audit;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import ru.yavka.audit.support.AuditStackResource;

/**
 * Registers the run-isolated stack (IsolatedStackResource: own database, topics, keys; plus the
 * application's own least-privilege role) for every @QuarkusTest here.
 */
@QuarkusTestResource(value = AuditStackResource.class,
        initArgs = @ResourceArg(name = "service", value = "audit"))
public final class IsolatedTest {

    private IsolatedTest() {
    }
}
