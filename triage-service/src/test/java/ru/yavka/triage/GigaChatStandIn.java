package ru.yavka.triage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A local GigaChat speaking its real protocol: {@code POST /api/v2/oauth} checks the Basic key,
 * a uuid4 {@code RqUID} and the {@code scope} form field and answers {@code {access_token, expires_at}}
 * (milliseconds); {@code POST /api/v1/chat/completions} checks the Bearer token (401 when unknown,
 * revoked or expired) and answers OpenAI-like choices. Tests script the next chat answers.
 */
public class GigaChatStandIn implements QuarkusTestResourceLifecycleManager {

    public static final String CLIENT_ID = "yavka-test-client";
    public static final String SECRET = "stand-in-secret";
    public static final String KEY = Base64.getEncoder()
            .encodeToString((CLIENT_ID + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
    public static final String SCOPE = "GIGACHAT_API_PERS";
    private static final Pattern UUID4 = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the next chat call gets. */
    public sealed interface Reply {
    }

    public record Answer(String content, String finishReason) implements Reply {
    }

    public record Status(int status) implements Reply {
    }

    public record Slow(long millis, String content) implements Reply {
    }

    public record Raw(String body) implements Reply {
    }

    static volatile GigaChatStandIn current;

    private HttpServer server;
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    private final Map<String, Long> tokens = new ConcurrentHashMap<>();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    final AtomicInteger oauthCalls = new AtomicInteger();
    final AtomicInteger chatCalls = new AtomicInteger();
    final AtomicInteger rejectedTokens = new AtomicInteger();
    final ConcurrentLinkedQueue<String> userMessages = new ConcurrentLinkedQueue<>();
    volatile long tokenLifetimeMillis = 30 * 60 * 1000L;
    volatile String defaultContent = "{\"specialty\": \"neurologist\", \"explanation\": \"Похоже на мигрень.\"}";

    public static GigaChatStandIn get() {
        return current;
    }

    public void reset() {
        script.clear();
        userMessages.clear();
        oauthCalls.set(0);
        chatCalls.set(0);
        rejectedTokens.set(0);
        tokenLifetimeMillis = 30 * 60 * 1000L;
    }

    public void then(Reply... replies) {
        script.addAll(List.of(replies));
    }

    /** Every token issued so far stops working, as when GigaChat expires one early. */
    public void revokeAll() {
        revoked.addAll(tokens.keySet());
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/api/v2/oauth", this::oauth);
        server.createContext("/api/v1/chat/completions", this::chat);
        server.start();
        current = this;
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("quarkus.rest-client.gigachat-auth.url", url,
                "quarkus.rest-client.gigachat.url", url,
                "yavka.gigachat.auth-key", KEY,
                "yavka.gigachat.scope", SCOPE,
                "quarkus.rest-client.gigachat.read-timeout", "10000",
                "ru.yavka.triage.llm.LlmTriage/decide/Timeout/value", "2500");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void oauth(HttpExchange exchange) throws IOException {
        oauthCalls.incrementAndGet();
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String rqUid = exchange.getRequestHeaders().getFirst("RqUID");
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (!"POST".equals(exchange.getRequestMethod()) || !("Basic " + KEY).equals(auth)) {
            send(exchange, 401, "{\"code\":4,\"message\":\"Can't decode 'Authorization' header\"}");
            return;
        }
        if (rqUid == null || !UUID4.matcher(rqUid).matches() || type == null
                || !type.startsWith("application/x-www-form-urlencoded")
                || !("scope=" + SCOPE).equals(URLDecoder.decode(form, StandardCharsets.UTF_8))) {
            send(exchange, 400, "{\"code\":7,\"message\":\"scope or RqUID missing or invalid\"}");
            return;
        }
        String token = "tok-" + UUID.randomUUID();
        long expiresAt = System.currentTimeMillis() + tokenLifetimeMillis;
        tokens.put(token, expiresAt);
        send(exchange, 200, "{\"access_token\":\"" + token + "\",\"expires_at\":" + expiresAt + "}");
    }

    private void chat(HttpExchange exchange) throws IOException {
        chatCalls.incrementAndGet();
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : "";
        Long expiresAt = tokens.get(token);
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        if (expiresAt == null || expiresAt < System.currentTimeMillis() || revoked.contains(token)) {
            rejectedTokens.incrementAndGet();
            send(exchange, 401, "{\"status\":401,\"message\":\"Token has expired\"}");
            return;
        }
        JsonNode request = JSON.readTree(body);
        if (!request.path("messages").isArray() || request.path("model").asText().isEmpty()) {
            send(exchange, 422, "{\"status\":422,\"message\":\"Invalid params\"}");
            return;
        }
        for (JsonNode message : request.get("messages")) {
            if ("user".equals(message.path("role").asText())) {
                userMessages.add(message.path("content").asText());
            }
        }
        Reply reply = script.poll();
        if (reply == null) {
            reply = new Answer(defaultContent, "stop");
        }
        if (reply instanceof Status s) {
            send(exchange, s.status(), "{\"status\":" + s.status() + ",\"message\":\"scripted\"}");
        } else if (reply instanceof Raw r) {
            send(exchange, 200, r.body());
        } else if (reply instanceof Slow s) {
            sleep(s.millis());
            send(exchange, 200, completion(s.content(), "stop"));
        } else if (reply instanceof Answer a) {
            send(exchange, 200, completion(a.content(), a.finishReason()));
        }
    }

    private static String completion(String content, String finishReason) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode choice = root.putArray("choices").addObject();
        choice.putObject("message").put("role", "assistant").put("content", content);
        choice.put("index", 0).put("finish_reason", finishReason);
        root.put("created", System.currentTimeMillis() / 1000).put("model", "GigaChat:1.0.26.20")
                .put("object", "chat.completion");
        root.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 20).put("total_tokens", 120);
        return JSON.writeValueAsString(root);
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException e) {
            // the client gave up waiting (a timeout test): nothing to do
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
