package ru.yavka.contracts.testing;

import java.util.Locale;
import java.util.UUID;

/**
 * Identity of one test run. Everything a run creates (databases, topics, consumer groups,
 * Redis keys) carries it, so two runs never see each other's data.
 */
public final class TestRun {

    private static final String ID = resolveId();

    private TestRun() {
    }

    public static String id() {
        return ID;
    }

    /** Topic prefix for this run, e.g. {@code t20261203190000x1a2b.}; topics become {@code <prefix>AppointmentBooked}. */
    public static String topicPrefix() {
        return "t" + ID + ".";
    }

    public static String kafkaBootstrap() {
        return env("YAVKA_KAFKA_BOOTSTRAP", "127.0.0.1:" + env("YAVKA_KAFKA_PORT", "9092"));
    }

    /** The local Redis every service of the run shares (each under its own key prefix). */
    public static String redisUrl() {
        return "redis://" + env("YAVKA_REDIS_HOST", "127.0.0.1") + ":" + env("YAVKA_REDIS_PORT", "6379");
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String resolveId() {
        String base = System.getenv("YAVKA_TEST_RUN_ID");
        if (base == null || base.isBlank()) {
            base = System.getProperty("yavka.test.run-id", "");
        }
        // A random suffix keeps two JVMs started in the same second apart.
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        return (base.replaceAll("[^A-Za-z0-9]", "") + "x" + suffix).toLowerCase(Locale.ROOT);
    }
}
