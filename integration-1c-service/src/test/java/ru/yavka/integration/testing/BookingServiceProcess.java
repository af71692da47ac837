package ru.yavka.integration.testing;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import ru.yavka.contracts.testing.TestDatabase;

/**
 * The real booking-service for a test run, started from its built jar: its own fresh database,
 * and the run's Kafka broker and topic prefix, Redis key prefix and JWT public key (taken from the
 * configuration {@link ru.yavka.contracts.testing.IsolatedStackResource} produced), so the two
 * services see each other's events and tokens and nothing of anybody else's.
 */
public final class BookingServiceProcess implements AutoCloseable {

    /** As the reactor builds it before this module; YAVKA_BOOKING_JAR points elsewhere. */
    public static final Path JAR = Path.of(System.getenv().getOrDefault("YAVKA_BOOKING_JAR",
            Path.of("..", "booking-service", "target", "quarkus-app", "quarkus-run.jar").toString()));

    private final ServiceProcess process;
    private final TestDatabase database;

    private BookingServiceProcess(ServiceProcess process, TestDatabase database) {
        this.process = process;
        this.database = database;
    }

    /**
     * @param run the isolated stack's configuration (kafka.bootstrap.servers, yavka.kafka.topic-prefix,
     *            yavka.redis.key-prefix, mp.jwt.verify.publickey.location)
     * @param name distinguishes this booking-service's database and log within the run
     */
    public static BookingServiceProcess start(Map<String, String> run, String name) {
        TestDatabase database = TestDatabase.create("booking_for_" + name);
        try {
            ServiceProcess process = ServiceProcess.of("booking-service", JAR)
                    .env("YAVKA_BOOKING_DB_REACTIVE_URL", database.reactiveUrl())
                    .env("YAVKA_BOOKING_DB_JDBC_URL", database.jdbcUrl())
                    .env("YAVKA_DB_USER", database.user())
                    .env("YAVKA_DB_PASSWORD", database.password())
                    .env("YAVKA_KAFKA_BOOTSTRAP", run.get("kafka.bootstrap.servers"))
                    .env("YAVKA_KAFKA_TOPIC_PREFIX", run.get("yavka.kafka.topic-prefix"))
                    .env("YAVKA_REDIS_KEY_PREFIX", run.get("yavka.redis.key-prefix") + "booking:")
                    .env("YAVKA_REDIS_URL", run.getOrDefault("quarkus.redis.hosts", "redis://127.0.0.1:6379"))
                    .env("YAVKA_PII_KEY", UUID.randomUUID() + "-" + UUID.randomUUID())
                    .env("YAVKA_PII_HMAC_KEY", UUID.randomUUID() + "-" + UUID.randomUUID())
                    .env("YAVKA_OUTBOX_POLL_INTERVAL", "100ms")
                    .env("MP_JWT_VERIFY_PUBLICKEY_LOCATION", run.get("mp.jwt.verify.publickey.location"))
                    .log(Path.of("target", "booking-service-for-" + name + ".log"))
                    .start();
            return new BookingServiceProcess(process, database);
        } catch (RuntimeException e) {
            database.drop();
            throw e;
        }
    }

    public String url() {
        return process.url();
    }

    @Override
    public void close() {
        process.stop();
        if (!"true".equals(System.getenv("YAVKA_KEEP_TEST_DB"))) {
            database.drop();
        }
    }

    @Override
    public String toString() {
        return process.toString();
    }
}
