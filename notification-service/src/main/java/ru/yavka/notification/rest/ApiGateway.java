package ru.yavka.notification.rest;

import java.net.ConnectException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import ru.yavka.notification.config.UpstreamConfig;

/**
 * The PWA's one origin in the local stack: the other services' APIs, forwarded under their own
 * paths with the caller's own token, so each service checks the user's rights and records the
 * user in its audit trail. In Kubernetes the ingress routes the same paths and this is idle.
 * An unreachable service answers problem+json naming it (502, or 504 when it is too slow).
 */
@ApplicationScoped
public class ApiGateway {

    private static final Logger LOG = Logger.getLogger(ApiGateway.class);
    private static final int MAX_BODY = 256 * 1024;

    /** Request headers the services need; cookies and the rest stay here. */
    private static final List<String> REQUEST_HEADERS = List.of("authorization", "accept", "accept-language",
            "content-type", "x-access-purpose", "x-request-id", "if-none-match");
    private static final List<String> RESPONSE_HEADERS = List.of("content-type", "retry-after", "etag",
            "cache-control", "location");
    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH", "DELETE");

    record Upstream(String name, String regex, URI base) {
    }

    private final UpstreamConfig config;
    private final ObjectMapper json;
    private final HttpClient client;

    public ApiGateway(UpstreamConfig config, ObjectMapper json, Vertx vertx) {
        this.config = config;
        this.json = json;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(2000)
                .setKeepAlive(true)
                .setMaxPoolSize(32));
    }

    List<Upstream> upstreams() {
        return List.of(
                new Upstream("booking-service",
                        "/api/(specialties|doctors|slots|appointments|patients|waitlist)(/.*)?", config.booking()),
                new Upstream("reminder-service", "/api/reminders(/.*)?", config.reminder()),
                new Upstream("integration-1c-service", "/api/integration(/.*)?", config.integration()),
                new Upstream("audit-service", "/api/audit(/.*)?", config.audit()));
    }

    void routes(@Observes Router router) {
        for (Upstream upstream : upstreams()) {
            router.routeWithRegex(upstream.regex()).handler(ctx -> forward(ctx, upstream));
        }
    }

    private void forward(RoutingContext ctx, Upstream upstream) {
        HttpServerRequest in = ctx.request();
        String method = in.method().name();
        // The normalized path: "/api/doctors/../../q/..." must not reach past the prefix it was routed by.
        String query = in.query();
        String target = base(upstream.base()) + ctx.normalizedPath() + (query == null ? "" : "?" + query);
        RequestOptions options = new RequestOptions()
                .setMethod(in.method())
                .setAbsoluteURI(target)
                .setIdleTimeout(config.timeout().toMillis());
        for (String name : REQUEST_HEADERS) {
            String value = in.getHeader(name);
            if (value != null) {
                options.putHeader(name, value);
            }
        }
        options.putHeader("X-Forwarded-Host", in.authority() == null ? "" : in.authority().toString());
        options.putHeader("X-Forwarded-Proto", in.scheme());
        options.putHeader("X-Forwarded-For", in.remoteAddress() == null ? "" : in.remoteAddress().hostAddress());

        Future<Buffer> body = Future.succeededFuture(Buffer.buffer());
        if (WITH_BODY.contains(method)) {
            body = in.body();
            // Quarkus hands the request over paused; body() alone would wait for ever.
            in.resume();
        }
        body.compose(payload -> {
                    if (payload.length() > MAX_BODY) {
                        return Future.failedFuture(new TooLarge());
                    }
                    return client.request(options).compose(out -> out.send(payload))
                            .compose(response -> response.body().map(b -> new Answer(response, b)));
                })
                .onSuccess(answer -> relay(ctx, upstream, answer))
                .onFailure(failure -> fail(ctx, upstream, failure));
    }

    private record Answer(HttpClientResponse response, Buffer body) {
    }

    private static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("request body too large", null, false, false);
        }
    }

    private void relay(RoutingContext ctx, Upstream upstream, Answer answer) {
        if (ctx.response().ended()) {
            return;
        }
        var out = ctx.response().setStatusCode(answer.response().statusCode());
        for (String name : RESPONSE_HEADERS) {
            String value = answer.response().getHeader(name);
            if (value == null) {
                continue;
            }
            if (name.equals("location")) {
                // A Location into the service itself becomes one through this origin.
                value = value.replace(base(upstream.base()), "");
            }
            out.putHeader(name, value);
        }
        if (answer.response().getHeader("cache-control") == null) {
            // Personal data: neither the browser's HTTP cache nor the service worker keeps it.
            out.putHeader("Cache-Control", "no-store");
        }
        out.end(answer.body());
    }

    private void fail(RoutingContext ctx, Upstream upstream, Throwable failure) {
        if (ctx.response().ended()) {
            return;
        }
        int status;
        String detail;
        if (failure instanceof TooLarge) {
            status = 413;
            detail = "the request body is larger than " + MAX_BODY / 1024 + " KiB";
        } else if (failure instanceof TimeoutException || String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT)
                .contains("timeout")) {
            status = 504;
            detail = upstream.name() + " did not answer within " + config.timeout().toSeconds() + " s";
        } else {
            status = 502;
            detail = upstream.name() + " is not reachable"
                    + (failure instanceof ConnectException ? "" : " (" + failure.getClass().getSimpleName() + ")");
        }
        if (status != 413) {
            LOG.warnf("%s %s -> %s failed: %s", ctx.request().method(), ctx.normalizedPath(), upstream.name(),
                    failure.toString());
        }
        Problem problem = new Problem("about:blank", status == 413 ? "Payload too large" : status == 504
                ? "Gateway timeout" : "Bad gateway", status, detail, null, null, upstream.name());
        try {
            ctx.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA)
                    .putHeader("Cache-Control", "no-store").end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            ctx.fail(e);
        }
    }

    private static String base(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
