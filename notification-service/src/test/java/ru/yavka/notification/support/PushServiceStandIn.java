package ru.yavka.notification.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A push service (the RFC 8030 receiving end of FCM or Mozilla autopush) on localhost. For
 * every message it checks what a real one checks: the VAPID Authorization (RFC 8292: an ES256
 * JWT whose signature verifies against the k= key, aud = the push resource's origin, exp at
 * most 24 h ahead, a mailto:/https: sub), the TTL/Urgency/Topic headers and aes128gcm; then it
 * decrypts the body as the browser holding the subscription would. Answers can be scripted
 * per device (404, 410, 429 with Retry-After, 5xx) to drive the sender's error handling.
 */
public final class PushServiceStandIn implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as received, already verified and decrypted (or why it could not be). */
    public record Received(String device, int answeredWith, Map<String, String> headers, JsonNode jwtHeader,
            JsonNode claims, byte[] vapidKey, String plaintext, String problem, Instant at) {

        public JsonNode payload() {
            try {
                return JSON.readTree(plaintext);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public record Answer(int status, Map<String, String> headers) {
        public static Answer of(int status) {
            return new Answer(status, Map.of());
        }

        public static Answer retryAfter(int status, String retryAfter) {
            return new Answer(status, Map.of("Retry-After", retryAfter));
        }
    }

    /** A browser's subscription at this push service. */
    public record Device(String id, String endpoint, BrowserKeys keys) {
    }

    private final HttpServer server;
    private final Map<String, BrowserKeys> devices = new ConcurrentHashMap<>();
    private final Map<String, Deque<Answer>> scripts = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public PushServiceStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/push/", this::handle);
        server.start();
    }

    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A new subscription; {@code answers} are given in order, then 201 for ever after. */
    public Device newDevice(Answer... answers) {
        String id = UUID.randomUUID().toString();
        BrowserKeys keys = BrowserKeys.generate();
        devices.put(id, keys);
        scripts.put(id, new ConcurrentLinkedDeque<>(List.of(answers)));
        return new Device(id, origin() + "/push/" + id, keys);
    }

    public List<Received> received(Device device) {
        return received.stream().filter(r -> r.device().equals(device.id())).toList();
    }

    public List<Received> all() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String id = exchange.getRequestURI().getPath().substring("/push/".length());
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
        BrowserKeys keys = devices.get(id);
        Answer answer;
        if (keys == null) {
            answer = Answer.of(404);
        } else if (!"POST".equals(exchange.getRequestMethod())) {
            answer = Answer.of(405);
        } else {
            Answer scripted = scripts.get(id).poll();
            answer = scripted != null ? scripted : Answer.of(201);
        }
        JsonNode jwtHeader = null;
        JsonNode claims = null;
        byte[] vapidKey = null;
        String plaintext = null;
        List<String> problems = new ArrayList<>();
        if (keys != null) {
            try {
                String authorization = headers.getOrDefault("authorization", "");
                Map<String, String> vapid = vapidParams(authorization);
                String[] jwt = vapid.getOrDefault("t", "").split("\\.");
                if (jwt.length != 3) {
                    throw new GeneralSecurityException("Authorization is not 'vapid t=<jwt>, k=<key>': " + authorization);
                }
                vapidKey = Crypto.unb64(vapid.getOrDefault("k", ""));
                jwtHeader = JSON.readTree(Crypto.unb64(jwt[0]));
                claims = JSON.readTree(Crypto.unb64(jwt[1]));
                verifyJwt(jwt, vapidKey, jwtHeader, claims, problems);
            } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
                problems.add("VAPID: " + e.getMessage());
            }
            checkHeaders(headers, problems);
            try {
                plaintext = new String(Rfc8291.decrypt(body, keys), StandardCharsets.UTF_8);
            } catch (GeneralSecurityException | RuntimeException e) {
                problems.add("decryption: " + e);
            }
        }
        if (!problems.isEmpty() && answer.status() < 300) {
            // A real push service refuses what it cannot verify; so does this one.
            answer = Answer.of(problems.stream().anyMatch(p -> p.startsWith("VAPID")) ? 403 : 400);
        }
        received.add(new Received(id, answer.status(), headers, jwtHeader, claims, vapidKey, plaintext,
                problems.isEmpty() ? null : String.join("; ", problems), Instant.now()));
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        byte[] reply = problems.isEmpty() ? new byte[0] : String.join("; ", problems).getBytes(StandardCharsets.UTF_8);
        if (answer.status() == 201) {
            exchange.getResponseHeaders().set("Location", origin() + "/message/" + UUID.randomUUID());
        }
        exchange.sendResponseHeaders(answer.status(), reply.length == 0 ? -1 : reply.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply);
        }
    }

    /** "vapid t=eyJ..., k=BEl..." (RFC 8292 section 3). */
    private static Map<String, String> vapidParams(String authorization) throws GeneralSecurityException {
        if (!authorization.regionMatches(true, 0, "vapid ", 0, 6)) {
            throw new GeneralSecurityException("scheme is not vapid: " + authorization);
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String part : authorization.substring(6).split(",")) {
            String[] kv = part.strip().split("=", 2);
            if (kv.length == 2) {
                params.put(kv[0].strip().toLowerCase(), kv[1].strip());
            }
        }
        return params;
    }

    private void verifyJwt(String[] jwt, byte[] key, JsonNode header, JsonNode claims, List<String> problems)
            throws GeneralSecurityException {
        if (!"ES256".equals(header.path("alg").asText())) {
            problems.add("VAPID: alg is " + header.path("alg") + ", not ES256");
        }
        Signature ecdsa = Signature.getInstance("SHA256withECDSAinP1363Format");
        ecdsa.initVerify(Crypto.p256(key));
        ecdsa.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        if (!ecdsa.verify(Crypto.unb64(jwt[2]))) {
            problems.add("VAPID: the JWT signature does not verify against k");
        }
        // aud is the push resource's origin. web-push 5.1.1 leaves a non-default port out of it;
        // real push services listen on 443, where the two forms are the same.
        String aud = claims.path("aud").asText();
        String host = origin().replaceFirst(":\\d+$", "");
        if (!aud.equals(origin()) && !aud.equals(host)) {
            problems.add("VAPID: aud " + aud + " is not this push service's origin " + origin());
        }
        long exp = claims.path("exp").asLong(0);
        long now = Instant.now().getEpochSecond();
        if (exp <= now) {
            problems.add("VAPID: the JWT has expired (exp " + exp + ")");
        } else if (exp > now + Duration.ofHours(24).toSeconds()) {
            problems.add("VAPID: exp is more than 24 h ahead (RFC 8292 section 2)");
        }
        String sub = claims.path("sub").asText("");
        if (!sub.startsWith("mailto:") && !sub.startsWith("https:")) {
            problems.add("VAPID: sub must be a mailto: or https: contact, is '" + sub + "'");
        }
    }

    private static void checkHeaders(Map<String, String> headers, List<String> problems) {
        if (!"aes128gcm".equals(headers.get("content-encoding"))) {
            problems.add("Content-Encoding is " + headers.get("content-encoding") + ", not aes128gcm");
        }
        String ttl = headers.get("ttl");
        if (ttl == null || !ttl.matches("\\d+")) {
            problems.add("TTL header missing or not a number: " + ttl);
        }
        String urgency = headers.get("urgency");
        if (urgency == null || !Arrays.asList("very-low", "low", "normal", "high").contains(urgency)) {
            problems.add("Urgency header missing or invalid: " + urgency);
        }
        String topic = headers.get("topic");
        if (topic == null || !topic.matches("[A-Za-z0-9_-]{1,32}")) {
            problems.add("Topic header missing or not 1-32 base64url characters: " + topic);
        }
    }
}
