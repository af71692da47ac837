package ru.yavka.triage;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import ru.yavka.contracts.testing.ClinicServices;
import ru.yavka.contracts.testing.TestRun;

/**
 * The run's own Chroma database (in a shared test tenant, since Chroma 1.0 cannot delete a
 * tenant), dropped when the tests end, so runs never see each other's collections.
 */
public class ChromaRunDatabase implements QuarkusTestResourceLifecycleManager {

    public static final String TENANT = ClinicServices.CHROMA_TENANT;

    public static String url() {
        return ClinicServices.chromaUrl();
    }

    public static String database() {
        return "t" + TestRun.id() + "-triage";
    }

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.rest-client.chroma.url", url(),
                "yavka.triage.chroma.tenant", TENANT,
                "yavka.triage.chroma.database", database());
    }

    @Override
    public void stop() {
        delete(TENANT, database());
    }

    /** Drops a database of the test tenant; a database that is not there is fine. */
    public static void delete(String tenant, String database) {
        if (!TENANT.equals(tenant)) {
            throw new IllegalArgumentException("tests drop databases of " + TENANT + " only, not " + tenant);
        }
        ClinicServices.dropChromaDatabase(database);
    }
}
