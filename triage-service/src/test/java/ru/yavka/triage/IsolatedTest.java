package ru.yavka.triage;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import ru.yavka.contracts.testing.IsolatedStackResource;

/** Registers the run-isolated stack (own database, topics, keys, Chroma database) for every @QuarkusTest here. */
@QuarkusTestResource(value = IsolatedStackResource.class,
        initArgs = @ResourceArg(name = "service", value = "triage"))
@QuarkusTestResource(ChromaRunDatabase.class)
public final class IsolatedTest {

    private IsolatedTest() {
    }
}
