package ru.yavka.integration.client;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * HTTP to one 1C system (Медицина or Бухгалтерия): Basic auth, JSON, and paths that are
 * configuration rather than annotations. 1C's paths are chosen by the clinic's integrator and
 * OData's carry Cyrillic entity names and {@code (guid'…')} keys, which a typed REST client
 * interface cannot express. Timeouts and breakers are applied by the client beans around it.
 */
public final class OneCHttp {

    private final String system;
    private final String base;
    private final String authorization;
    private final Duration requestTimeout;
    private final HttpClient http;

    public OneCHttp(String system, URI base, Optional<String> username, Optional<String> password,
            Duration connectTimeout, Duration requestTimeout) {
        this.system = system;
        String text = base.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.authorization = username.map(user -> "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + password.orElse("")).getBytes(StandardCharsets.UTF_8))).orElse(null);
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .build();
    }

    /**
     * Sends one request. {@code path} is appended to the base as given (already encoded, see
     * {@link #segment}); query values are encoded here. Transport trouble becomes {@link OneCUnavailable}.
     */
    public Reply send(String method, String path, Map<String, String> query, String jsonBody) {
        URI uri = URI.create(base + path + queryString(query));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json; charset=utf-8");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        } catch (HttpTimeoutException e) {
            throw new OneCUnavailable(system + " did not answer " + method + " " + path + " in time", e);
        } catch (IOException e) {
            throw new OneCUnavailable(system + " unreachable for " + method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            // The breaker's @Timeout interrupts a call that takes too long.
            Thread.currentThread().interrupt();
            throw new OneCUnavailable(system + " call " + method + " " + path + " was interrupted", e);
        }
    }

    public String system() {
        return system;
    }

    /** Percent-encodes one path segment (UTF-8), e.g. a Cyrillic OData entity set name. */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public static Map<String, String> query(String... keysAndValues) {
        Map<String, String> query = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            query.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return query;
    }

    private static String queryString(Map<String, String> query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        return query.entrySet().stream()
                // '$' is kept as is in OData's system options ($format, $filter, $select).
                .map(e -> segment(e.getKey()).replace("%24", "$") + "=" + segment(e.getValue()))
                .collect(Collectors.joining("&", "?", ""));
    }
}
