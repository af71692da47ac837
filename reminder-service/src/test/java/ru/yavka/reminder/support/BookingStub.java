package ru.yavka.reminder.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for booking-service's {@code POST /api/appointments/{id}/no-show}, over real
 * HTTP. Tests program the replies per appointment and read the calls back through
 * {@code /__stub/...} (see {@link BookingStubControl}); the stub lives in the test resource,
 * so talking HTTP keeps it independent of class loaders. For an appointment that lives in a
 * real booking-service, the stub relays the call there unchanged (token included).
 */
public final class BookingStub implements AutoCloseable {

    private static final String NOT_FOUND =
            "{\"type\":\"about:blank\",\"title\":\"Not found\",\"status\":404,\"detail\":\"no such appointment\"}";

    private record Reply(int status, String body) {
    }

    private final HttpServer server;
    /** Per appointment: replies in order; the last one repeats. */
    private final Map<String, Deque<Reply>> replies = new ConcurrentHashMap<>();
    /** Per appointment: the Authorization header of every call. */
    private final Map<String, List<String>> calls = new ConcurrentHashMap<>();
    /** Per appointment: the base URL of the real booking-service that owns it. */
    private final Map<String, String> forwards = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();

    private BookingStub(HttpServer server) {
        this.server = server;
    }

    public static BookingStub start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            BookingStub stub = new BookingStub(server);
            server.createContext("/api/appointments/", stub::noShow);
            server.createContext("/__stub/replies/", stub::program);
            server.createContext("/__stub/calls/", stub::listCalls);
            server.createContext("/__stub/forward/", stub::forward);
            server.start();
            return stub;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the booking stub", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void noShow(HttpExchange exchange) throws IOException {
        String[] parts = URI.create(exchange.getRequestURI().getPath()).getPath().split("/");
        // /api/appointments/{id}/no-show
        if (!"POST".equals(exchange.getRequestMethod()) || parts.length != 5 || !"no-show".equals(parts[4])) {
            respond(exchange, 405, "");
            return;
        }
        String id = parts[3];
        String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        calls.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(authorization);
        String target = forwards.get(id);
        Reply reply = target == null ? next(id) : relay(target + exchange.getRequestURI().getPath(), authorization);
        exchange.getResponseHeaders().add("Content-Type",
                reply.status() == 200 ? "application/json" : "application/problem+json");
        respond(exchange, reply.status(), reply.body().replace("{id}", id));
    }

    private Reply next(String id) {
        Deque<Reply> queue = replies.get(id);
        if (queue == null) {
            return new Reply(404, NOT_FOUND);
        }
        synchronized (queue) {
            return queue.size() > 1 ? queue.pollFirst() : queue.peekFirst();
        }
    }

    private Reply relay(String url, String authorization) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", authorization)
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Reply(502, "{\"status\":502,\"detail\":\"" + e + "\"}");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(503, "{\"status\":503}");
        }
    }

    /** PUT /__stub/forward/{id} with the base URL of the booking-service that owns the appointment. */
    private void forward(HttpExchange exchange) throws IOException {
        String id = exchange.getRequestURI().getPath().substring("/__stub/forward/".length());
        try (InputStream in = exchange.getRequestBody()) {
            forwards.put(id, new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
        }
        respond(exchange, 204, "");
    }

    /** PUT /__stub/replies/{id}?status=NNN with the reply body; appends to that appointment's replies. */
    private void program(HttpExchange exchange) throws IOException {
        String id = exchange.getRequestURI().getPath().substring("/__stub/replies/".length());
        int status = Integer.parseInt(exchange.getRequestURI().getQuery().replace("status=", ""));
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Deque<Reply> queue = replies.computeIfAbsent(id, k -> new ArrayDeque<>());
        synchronized (queue) {
            queue.addLast(new Reply(status, body));
        }
        respond(exchange, 204, "");
    }

    /** GET /__stub/calls/{id}: one line per call, the Authorization header it carried. */
    private void listCalls(HttpExchange exchange) throws IOException {
        String id = exchange.getRequestURI().getPath().substring("/__stub/calls/".length());
        respond(exchange, 200, String.join("\n", calls.getOrDefault(id, List.of())));
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
