package ru.yavka.reminder.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;

import ru.yavka.contracts.testing.TestDatabase;

/**
 * The real booking-service, started from its built jar next to this test run: its own
 * fresh database, and this run's Kafka topic prefix, Redis key prefix and JWT key pair, so
 * the two services see each other's events and tokens and nothing of anybody else's.
 */
public final class BookingProcess implements AutoCloseable {

    /** booking-service as the reactor builds it before this module; YAVKA_BOOKING_JAR points elsewhere. */
    public static final Path JAR = Path.of(System.getenv().getOrDefault("YAVKA_BOOKING_JAR",
            Path.of("..", "booking-service", "target", "quarkus-app", "quarkus-run.jar").toString()));

    private final Process process;
    private final TestDatabase database;
    private final String url;
    private final Path log;

    private BookingProcess(Process process, TestDatabase database, String url, Path log) {
        this.process = process;
        this.database = database;
        this.url = url;
        this.log = log;
    }

    public static BookingProcess start() throws IOException {
        TestDatabase database = TestDatabase.create("booking_for_reminder");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, String> env = new HashMap<>(System.getenv());
        env.keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("MP_") || k.startsWith("SMALLRYE_"));
        env.put("YAVKA_BOOKING_PORT", String.valueOf(port));
        env.put("YAVKA_BOOKING_DB_REACTIVE_URL", database.reactiveUrl());
        env.put("YAVKA_BOOKING_DB_JDBC_URL", database.jdbcUrl());
        env.put("YAVKA_DB_USER", database.user());
        env.put("YAVKA_DB_PASSWORD", database.password());
        env.put("YAVKA_KAFKA_BOOTSTRAP", config("kafka.bootstrap.servers"));
        env.put("YAVKA_KAFKA_TOPIC_PREFIX", config("yavka.kafka.topic-prefix"));
        env.put("YAVKA_REDIS_KEY_PREFIX", "yt:" + config("yavka.test.run-id") + ":booking-for-reminder:");
        env.put("YAVKA_PII_KEY", UUID.randomUUID().toString());
        env.put("YAVKA_PII_HMAC_KEY", UUID.randomUUID().toString());
        env.put("YAVKA_OUTBOX_POLL_INTERVAL", "100ms");
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", config("mp.jwt.verify.publickey.location"));
        env.put("SMALLRYE_JWT_SIGN_KEY_LOCATION", config("smallrye.jwt.sign.key.location"));
        Path log = Path.of("target", "booking-service-for-noshow.log");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-jar", JAR.toAbsolutePath().toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.directory(new File("."));
        BookingProcess booking = new BookingProcess(builder.start(), database, "http://127.0.0.1:" + port, log);
        try {
            Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        if (!booking.process.isAlive()) {
                            throw new IllegalStateException("booking-service exited; see " + log.toAbsolutePath());
                        }
                        return booking.ready();
                    });
        } catch (RuntimeException e) {
            booking.close();
            throw e;
        }
        return booking;
    }

    public String url() {
        return url;
    }

    private boolean ready() {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String config(String name) {
        return ConfigProvider.getConfig().getValue(name, String.class);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        database.drop();
    }

    @Override
    public String toString() {
        return "booking-service at " + url + " (log " + log.toAbsolutePath() + ")";
    }
}
