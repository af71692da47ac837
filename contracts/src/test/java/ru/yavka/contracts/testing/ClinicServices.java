package ru.yavka.contracts.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Other Yavka services, run for real from their packaged jars beside a test's own service: the
 * run's topics, consumer-group prefix, Redis prefix and JWT keys, and a database of their own
 * each. They start side by side (their ports are chosen first, so each knows the others' URLs),
 * and each one's output goes to a log file a test can search.
 */
public final class ClinicServices implements AutoCloseable {

    /** The modules this can start, in the order they are launched. */
    public static final List<String> MODULES = List.of("booking-service", "reminder-service", "triage-service",
            "audit-service", "integration-1c-service", "notification-service");
    private static final String INTEGRATION = "integration-1c-service";
    /** Chroma 1.0 cannot delete a tenant; the runs' databases live in this one and are dropped. */
    public static final String CHROMA_TENANT = "yavka-test";
    /** Where a service that is not started is "reachable": a port nothing listens on. */
    private static final String NOWHERE = "http://127.0.0.1:9";

    private final Map<String, ServiceProcess> processes = new LinkedHashMap<>();
    private ServiceProcess oneC;
    private final List<TestDatabase> databases = new ArrayList<>();
    private String chromaDatabase;

    private ClinicServices() {
    }

    /**
     * Starts the given modules for the test service {@code owner}; when this returns, every one
     * of them is ready. A module that fails to start stops the others it started.
     */
    public static ClinicServices start(String owner, Set<String> modules, String bootstrap, TestKeys keys) {
        ClinicServices services = new ClinicServices();
        try {
            services.launch(owner, modules, bootstrap, keys);
            if (services.oneC != null) {
                services.oneC.awaitReady("the 1C simulator");
            }
            services.processes.forEach((module, process) -> process.awaitReady(module));
            return services;
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
    }

    public boolean has(String module) {
        return processes.containsKey(module);
    }

    public String url(String module) {
        return process(module).url();
    }

    public Path log(String module) {
        return process(module).log();
    }

    /**
     * The config a test reads: {@code yavka.test.<short name>-url} and {@code -log} per service
     * (e.g. {@code yavka.test.integration-url}), and {@code yavka.test.1c-simulator-url}.
     */
    public Map<String, String> testConfig() {
        Map<String, String> config = new HashMap<>();
        processes.forEach((module, process) -> {
            config.put("yavka.test." + shortName(module) + "-url", process.url());
            config.put("yavka.test." + shortName(module) + "-log", process.log().toString());
        });
        if (oneC != null) {
            config.put("yavka.test.1c-simulator-url", oneC.url());
        }
        return config;
    }

    /** booking-service → booking, integration-1c-service → integration: the name in its settings. */
    static String shortName(String module) {
        return module.replace("-1c", "").replace("-service", "");
    }

    private ServiceProcess process(String module) {
        ServiceProcess process = processes.get(module);
        if (process == null) {
            throw new IllegalStateException(module + " was not started for this test");
        }
        return process;
    }

    private void launch(String owner, Set<String> modules, String bootstrap, TestKeys keys) {
        for (String module : modules) {
            if (!MODULES.contains(module)) {
                throw new IllegalArgumentException("cannot start " + module + "; known: " + MODULES);
            }
        }
        // Ports first: every service learns the others' URLs before any of them starts.
        Map<String, Integer> ports = new HashMap<>();
        Map<String, String> urls = new HashMap<>();
        for (String module : MODULES) {
            if (modules.contains(module)) {
                ports.put(module, ServiceProcess.freePort());
            }
            urls.put(module, ports.containsKey(module) ? "http://127.0.0.1:" + ports.get(module) : NOWHERE);
        }
        for (String module : MODULES) {
            if (!modules.contains(module)) {
                continue;
            }
            Map<String, String> env = common(owner, module, bootstrap, keys);
            env.put("YAVKA_BOOKING_URL", urls.get("booking-service"));
            env.put("YAVKA_REMINDER_URL", urls.get("reminder-service"));
            env.put("YAVKA_AUDIT_URL", urls.get("audit-service"));
            env.put("YAVKA_TRIAGE_URL", urls.get("triage-service"));
            env.put("YAVKA_INTEGRATION_URL", urls.get(INTEGRATION));
            env.putAll(own(module, owner));
            String heap = "triage-service".equals(module) ? "384m" : "256m";
            processes.put(module, ServiceProcess.launch(module, env, heap, ports.get(module)));
        }
    }

    private Map<String, String> common(String owner, String module, String bootstrap, TestKeys keys) {
        TestDatabase database = TestDatabase.create(owner + "_" + shortName(module));
        databases.add(database);
        String prefix = "YAVKA_" + shortName(module).toUpperCase() + "_DB_";
        Map<String, String> env = new HashMap<>();
        env.put(prefix + "REACTIVE_URL", database.reactiveUrl());
        env.put(prefix + "JDBC_URL", database.jdbcUrl());
        env.put("YAVKA_DB_USER", database.user());
        env.put("YAVKA_DB_PASSWORD", database.password());
        env.put("YAVKA_KAFKA_BOOTSTRAP", bootstrap);
        env.put("YAVKA_KAFKA_TOPIC_PREFIX", TestRun.topicPrefix());
        env.put("YAVKA_KAFKA_GROUP_PREFIX", "g" + TestRun.id() + ".");
        env.put("YAVKA_REDIS_URL", TestRun.redisUrl());
        env.put("YAVKA_REDIS_KEY_PREFIX", "yt:" + TestRun.id() + ":" + shortName(module) + ":");
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKey().toString());
        env.put("SMALLRYE_JWT_SIGN_KEY_LOCATION", keys.privateKey().toString());
        return env;
    }

    private Map<String, String> own(String module, String owner) {
        Map<String, String> env = new HashMap<>();
        switch (module) {
            case "booking-service" -> {
                // Personal-data keys made up for this run: tests never use a key that could be real.
                env.put("YAVKA_PII_KEY", UUID.randomUUID() + "-" + UUID.randomUUID());
                env.put("YAVKA_PII_HMAC_KEY", UUID.randomUUID() + "-" + UUID.randomUUID());
                env.put("YAVKA_WAITLIST_OFFER_TTL", "15m");
            }
            case "triage-service" -> {
                chromaDatabase = "t" + TestRun.id() + "-" + owner + "-triage";
                env.put("YAVKA_CHROMA_URL", chromaUrl());
                env.put("YAVKA_TRIAGE_CHROMA_TENANT", CHROMA_TENANT);
                env.put("YAVKA_TRIAGE_CHROMA_DATABASE", chromaDatabase);
                // A short warm-up: these tests check what triage answers, not how fast.
                env.put("YAVKA_TRIAGE_WARMUP_REQUESTS", "50");
            }
            case INTEGRATION -> env.putAll(startOneC());
            default -> {
            }
        }
        return env;
    }

    /**
     * 1C:Медицина and 1C:Бухгалтерия for integration-1c-service: the simulator of that module's
     * tests (WireMock, their real HTTP and OData protocols), empty until a test publishes a
     * schedule to it ({@code POST /__sim/schedule/doctors}).
     */
    private Map<String, String> startOneC() {
        Path module = ServiceProcess.moduleDir(INTEGRATION);
        Path classpath = module.resolve("target/simulator.classpath");
        if (!Files.exists(classpath)) {
            throw new IllegalStateException("the 1C simulator is not built; run ./clinic test (or mvn -pl "
                    + INTEGRATION + " -am install -DskipTests)");
        }
        String password = UUID.randomUUID().toString();
        int port = ServiceProcess.freePort();
        try {
            oneC = ServiceProcess.java("1c-simulator", List.of("-Xmx192m",
                    "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-cp",
                    module.resolve("target/test-classes") + File.pathSeparator
                            + Files.readString(classpath).strip(),
                    "ru.yavka.integration.simulator.OneCSimulator", "--port", String.valueOf(port),
                    "--password", password), Map.of(), port, "/__sim/health");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> env = new HashMap<>();
        env.put("YAVKA_1C_MEDICINE_URL", oneC.url() + "/med/hs/yavka");
        env.put("YAVKA_1C_ACCOUNTING_URL", oneC.url() + "/acc/odata/standard.odata");
        env.put("YAVKA_1C_MEDICINE_USER", "yavka");
        env.put("YAVKA_1C_ACCOUNTING_USER", "yavka");
        env.put("YAVKA_1C_MEDICINE_PASSWORD", password);
        env.put("YAVKA_1C_ACCOUNTING_PASSWORD", password);
        return env;
    }

    public static String chromaUrl() {
        String url = System.getenv("YAVKA_CHROMA_URL");
        return url == null || url.isBlank() ? "http://127.0.0.1:" + TestRun.env("YAVKA_CHROMA_PORT", "8000") : url;
    }

    /** Drops a database of the test tenant; a database that is not there is fine. */
    public static void dropChromaDatabase(String database) {
        try {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(chromaUrl() + "/api/v2/tenants/" + CHROMA_TENANT + "/databases/" + database))
                    .timeout(Duration.ofSeconds(10)).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        } catch (Exception e) {
            System.err.println("could not drop Chroma database " + database + ": " + e);
        }
    }

    @Override
    public void close() {
        processes.values().forEach(ServiceProcess::close);
        if (oneC != null) {
            oneC.close();
        }
        if (chromaDatabase != null) {
            dropChromaDatabase(chromaDatabase);
        }
        if (!"true".equals(System.getenv("YAVKA_KEEP_TEST_DB"))) {
            databases.forEach(TestDatabase::drop);
        }
    }
}
