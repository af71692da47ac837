package ru.yavka.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ru.yavka.audit.support.AuditStackResource;
import ru.yavka.audit.support.Events;
import ru.yavka.contracts.events.DataAccessed;
import ru.yavka.contracts.testing.TestTokens;

/**
 * The packaged audit-service, two replicas in one consumer group, killed with SIGKILL in the
 * middle of a stream (no shutdown, no last commit: a crash or a node lost). More events arrive
 * while no replica runs, some of them redeliveries. Both replicas start again: every event is
 * then on record exactly once, and the chain the two replicas wrote together is one intact line.
 */
class AuditRestartIT {

    private static final int BEFORE_CRASH = 400;
    private static final int WHILE_DOWN = 400;
    private static final int REDELIVERED = 50;
    private static final Duration PATIENCE = Duration.ofSeconds(180);

    private static final AuditStackResource stack = new AuditStackResource();
    private static Map<String, String> config;
    private static final List<Replica> replicas = new ArrayList<>();

    @BeforeAll
    static void stack() {
        stack.init(Map.of("service", "audit_restart"));
        config = stack.start();
        // Tokens for the replicas' API are signed with the run's key, like in the @QuarkusTests.
        System.setProperty("smallrye.jwt.sign.key.location", config.get("smallrye.jwt.sign.key.location"));
    }

    @AfterAll
    static void down() {
        replicas.forEach(Replica::kill);
        stack.stop();
    }

    @Test
    void eventsProducedWhileEveryReplicaIsDownArriveOnceAfterTheRestart() throws Exception {
        Replica a = start("a", 1);
        Replica b = start("b", 1);
        a.awaitReady();
        b.awaitReady();
        List<DataAccessed> first = events(BEFORE_CRASH);
        send(first);
        await().atMost(PATIENCE).until(() -> stored() >= 50);

        a.kill();
        b.kill();
        long storedAtCrash = stored();
        System.out.printf("killed both replicas with %d of %d events stored%n", storedAtCrash, BEFORE_CRASH);

        List<DataAccessed> second = events(WHILE_DOWN);
        send(second);
        send(first.subList(0, REDELIVERED));
        assertThat(stored()).as("nothing consumes while every replica is down").isEqualTo(storedAtCrash);

        Replica a2 = start("a", 2);
        Replica b2 = start("b", 2);
        a2.awaitReady();
        b2.awaitReady();
        Set<UUID> ids = new HashSet<>(ids(first));
        ids.addAll(ids(second));
        await().atMost(PATIENCE).until(() -> stored() == ids.size());

        assertThat(count("select count(distinct event_id) from audit_record")).isEqualTo(ids.size());
        assertThat(eventIds()).isEqualTo(ids);
        assertThat(sequence()).as("one line, 1 .. n, written by both replicas")
                .isEqualTo(LongStream.rangeClosed(1, ids.size()).boxed().toList());
        given().baseUri(a2.url()).header("Authorization", TestTokens.bearer("auditor"))
                .get("/api/audit/verify").then().statusCode(200)
                .body("intact", equalTo(true))
                .body("checked", equalTo(ids.size()));
    }

    private static List<DataAccessed> events(int count) {
        List<DataAccessed> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(Events.read(UUID.randomUUID(), "registrar-" + (i % 7) + "@clinic", Instant.now()));
        }
        return events;
    }

    private static void send(List<DataAccessed> events) {
        Events.send(config.get("kafka.bootstrap.servers"), Events.topic(config.get("yavka.kafka.topic-prefix")),
                events);
    }

    private static Replica start(String name, int generation) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m"));
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-Dquarkus.http.port=" + port);
        // A dead member leaves the group after its session times out; keep that short for the test.
        command.add("-Dmp.messaging.incoming.data-accessed.session.timeout.ms=10000");
        command.add("-Dmp.messaging.incoming.data-accessed.heartbeat.interval.ms=1000");
        command.add("-jar");
        command.add(Paths.get("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath().toString());
        Path log = Paths.get("target", "audit-restart-it-" + name + "-" + generation + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        Replica replica = new Replica(name, process, port, log);
        replicas.add(replica);
        return replica;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    private static long stored() throws SQLException {
        return count("select count(*) from audit_record");
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = owner(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Set<UUID> eventIds() throws SQLException {
        try (Connection c = owner(); ResultSet rs = c.createStatement().executeQuery("select event_id from audit_record")) {
            Set<UUID> ids = new HashSet<>();
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
            }
            return ids;
        }
    }

    private static List<Long> sequence() throws SQLException {
        try (Connection c = owner();
             PreparedStatement s = c.prepareStatement("select seq from audit_record order by seq");
             ResultSet rs = s.executeQuery()) {
            List<Long> seqs = new ArrayList<>();
            while (rs.next()) {
                seqs.add(rs.getLong(1));
            }
            return seqs;
        }
    }

    private static Connection owner() throws SQLException {
        return DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.flyway.username"), config.get("quarkus.flyway.password"));
    }

    private record Replica(String name, Process process, int port, Path log) {

        String url() {
            return "http://127.0.0.1:" + port;
        }

        void awaitReady() {
            HttpClient http = HttpClient.newHttpClient();
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("replica " + name + " exited; see " + log.toAbsolutePath()
                            + "\n" + tail(log));
                }
                try {
                    return http.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (IOException e) {
                    return false;
                }
            });
        }

        /** SIGKILL: the process gets no chance to commit, flush or leave its group. */
        void kill() {
            if (process.isAlive()) {
                process.destroyForcibly();
                try {
                    process.waitFor(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static Set<UUID> ids(List<DataAccessed> events) {
        return events.stream().map(e -> e.meta().eventId()).collect(Collectors.toSet());
    }
}
