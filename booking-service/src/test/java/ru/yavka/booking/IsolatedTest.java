package ru.yavka.booking;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import ru.yavka.contracts.testing.IsolatedStackResource;

/** Registers the run-isolated stack (own database, topics, keys) for every @QuarkusTest here. */
@QuarkusTestResource(value = IsolatedStackResource.class,
        initArgs = @ResourceArg(name = "service", value = "booking"))
public final class IsolatedTest {

    private IsolatedTest() {
    }
}
