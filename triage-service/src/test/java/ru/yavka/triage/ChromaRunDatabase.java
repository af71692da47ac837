package ru.yavka.triage;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import ru.yavka.contracts.testing.TestRun;

/**
 * The run's own Chroma database (in a shared test tenant, since Chroma 1.0 cannot delete a
 * tenant), dropped when the tests end, so runs never see each other's collections.
 */
public class ChromaRunDatabase implements QuarkusTestResourceLifecycleManager {

    public static final String TENANT = "yavka-test";

    public static String url() {
        String url = System.getenv("YAVKA_CHROMA_URL");
        return url == null || url.isBlank() ? "http://127.0.0.1:" + env("YAVKA_CHROMA_PORT", "8000") : url;
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
        try {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(url() + "/api/v2/tenants/" + tenant + "/databases/" + database))
                    .timeout(Duration.ofSeconds(10)).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        } catch (Exception e) {
            System.err.println("could not drop Chroma database " + database + ": " + e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
