package ru.yavka.telegram.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for triage-service, for the dialog tests that need its answers chosen (an
 * emergency, an outage); it speaks the real service's JSON:
 * {@code POST /api/triage {"text"}} → {@code {specialty, candidates, emergency, advice,
 * explanation, citedCases, source}}. A few keyword rules decide; {@link #down(boolean)} makes it
 * answer 503.
 */
public final class TriageStandIn implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private volatile boolean down;
    private final AtomicInteger calls = new AtomicInteger();

    private TriageStandIn(HttpServer server) {
        this.server = server;
    }

    public static TriageStandIn start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
            TriageStandIn standIn = new TriageStandIn(server);
            server.createContext("/api/triage", standIn::handle);
            server.start();
            return standIn;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void down(boolean down) {
        this.down = down;
    }

    public int calls() {
        return calls.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            calls.incrementAndGet();
            if (down) {
                respond(exchange, 503, JSON.createObjectNode().put("title", "Service unavailable").put("status", 503));
                return;
            }
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            String text = request.path("text").asText("").toLowerCase(Locale.ROOT);
            ObjectNode answer = JSON.createObjectNode();
            boolean emergency = text.contains("груд") && (text.contains("задыха") || text.contains("давит"));
            String specialty = emergency ? "cardiologist"
                    : text.contains("голов") ? "neurologist"
                    : text.contains("сып") || text.contains("кож") ? "dermatologist"
                    : "therapist";
            answer.put("specialty", specialty);
            answer.putArray("candidates").addObject().put("specialty", specialty).put("score", 0.82);
            answer.put("emergency", emergency);
            answer.put("advice", emergency ? "Не принимайте пищу, примите полусидячее положение." : "");
            answer.put("explanation", emergency ? "Признаки острого состояния."
                    : "Головная боль и головокружение чаще всего смотрит невролог.");
            answer.putArray("citedCases");
            answer.put("source", "stand-in");
            respond(exchange, 200, answer);
        }
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
