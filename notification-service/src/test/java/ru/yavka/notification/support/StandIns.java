package ru.yavka.notification.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * What this module's tests need that is not in its build: a VAPID key pair made for the run,
 * and stand-ins for the APIs of reminder-service, integration-1c-service and audit-service
 * (built by other modules, not started here) shaped as their contracts say. Every request
 * they receive is recorded, so a test can check the PWA's calls carried the user's own token.
 */
public class StandIns implements QuarkusTestResourceLifecycleManager {

    public record Seen(String method, String path, String query, String authorization) {
    }

    private static final List<Seen> SEEN = new CopyOnWriteArrayList<>();
    private static volatile VapidKeys vapid;
    private HttpServer server;

    public static List<Seen> seen() {
        return List.copyOf(SEEN);
    }

    public static VapidKeys vapid() {
        return vapid;
    }

    @Override
    public Map<String, String> start() {
        vapid = VapidKeys.generate();
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of(
                "yavka.push.vapid.public-key", vapid.publicKey(),
                "yavka.push.vapid.private-key", vapid.privateKey(),
                "yavka.push.vapid.subject", VapidKeys.SUBJECT,
                "yavka.upstream.reminder", base,
                "yavka.upstream.integration", base,
                "yavka.upstream.audit", base);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        SEEN.add(new Seen(exchange.getRequestMethod(), uri.getPath(), uri.getQuery(), auth));
        if (auth == null || !auth.startsWith("Bearer ")) {
            respond(exchange, 401, "{\"title\":\"Unauthorized\",\"status\":401}");
            return;
        }
        String path = uri.getPath();
        if (path.equals("/api/reminders")) {
            respond(exchange, 200, timeline());
        } else if (path.equals("/api/integration/status")) {
            respond(exchange, 200, """
                    {"breakers":[{"name":"1c-schedule-pull","state":"CLOSED","failureRate":0.0},
                                 {"name":"1c-visit-push","state":"OPEN","failureRate":0.62,"since":"%s"}],
                     "lastScheduleSync":"%s","pendingVisitFacts":3}""".formatted(
                    Instant.now().minus(7, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS),
                    Instant.now().minus(2, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS)));
        } else if (path.equals("/api/audit")) {
            respond(exchange, 200, audit());
        } else {
            respond(exchange, 404, "{\"title\":\"Not found\",\"status\":404}");
        }
    }

    /** A reminder timeline as reminder-service answers it: two touches sent, one answered. */
    private static String timeline() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        return """
                [{"kind":"T_MINUS_48H","dueAt":"%s","status":"SENT","sentAt":"%s"},
                 {"kind":"T_MINUS_24H","dueAt":"%s","status":"SENT","sentAt":"%s","answer":"CONFIRMED"},
                 {"kind":"T_MINUS_2H","dueAt":"%s","status":"PLANNED"},
                 {"kind":"NO_SHOW_CHECK","dueAt":"%s","status":"PLANNED"}]""".formatted(
                now.minus(46, ChronoUnit.HOURS), now.minus(46, ChronoUnit.HOURS),
                now.minus(22, ChronoUnit.HOURS), now.minus(22, ChronoUnit.HOURS),
                now.plus(1, ChronoUnit.HOURS), now.plus(3, ChronoUnit.HOURS));
    }

    private static String audit() {
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        StringBuilder items = new StringBuilder();
        String[][] rows = {
                {"registrar@test.yavka", "registrar", "READ", "reception-schedule", "booking-service"},
                {"registrar@test.yavka", "registrar", "UPDATE", "reception-schedule", "booking-service"},
                {"reminder-service", "service", "READ", "reminders", "reminder-service"},
                {"doctor@test.yavka", "doctor", "READ", "medical-care", "booking-service"}};
        for (int i = 0; i < rows.length; i++) {
            items.append(i == 0 ? "" : ",").append("""
                    {"eventId":"00000000-0000-4000-8000-00000000000%d","occurredAt":"%s","actor":"%s","actorRole":"%s",
                     "patientId":"5f0c1c2e-8a7b-4f3e-9d41-2b6f7c1a9e0%d","recordType":"appointment",
                     "recordId":"9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5%d","action":"%s","purpose":"%s","service":"%s"}"""
                    .formatted(i, at.minus(i * 17L, ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC), rows[i][0],
                            rows[i][1], i, i, rows[i][2], rows[i][3], rows[i][4]));
        }
        return "{\"items\":[" + items + "],\"total\":" + rows.length + ",\"page\":0,\"size\":50}";
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
