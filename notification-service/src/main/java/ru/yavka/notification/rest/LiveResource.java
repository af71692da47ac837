package ru.yavka.notification.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Multi;
import ru.yavka.notification.service.LiveFeed;
import ru.yavka.notification.service.StaffRole;

/**
 * Server-sent events for the open PWA pages: "ready" at once, then one "change" per
 * appointment or slot event, and a "ping" every 20 s so idle proxies keep the connection. The
 * stream ends when the caller's token expires; the page reconnects with a fresh one.
 */
@Path("/api/live")
@Tag(name = "live", description = "Live updates for the PWA")
@RolesAllowed({StaffRole.ADMIN, StaffRole.REGISTRAR, StaffRole.DOCTOR})
public class LiveResource {

    private static final Duration PING = Duration.ofSeconds(20);
    private static final Duration MAX_STREAM = Duration.ofHours(12);

    private final LiveFeed feed;
    private final JsonWebToken jwt;
    private final ObjectMapper json;
    private final Clock clock;

    public LiveResource(LiveFeed feed, JsonWebToken jwt, ObjectMapper json, Clock clock) {
        this.feed = feed;
        this.jwt = jwt;
        this.json = json;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream(@jakarta.ws.rs.core.Context Sse sse) {
        Multi<OutboundSseEvent> changes = feed.events()
                .map(event -> sse.newEventBuilder().name("change").mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(toJson(event)).build());
        Multi<OutboundSseEvent> pings = Multi.createFrom().ticks().every(PING)
                .map(tick -> sse.newEventBuilder().name("ping").data("{}").build());
        Multi<OutboundSseEvent> ready = Multi.createFrom()
                .item(() -> sse.newEventBuilder().name("ready").data("{}").build());
        return Multi.createBy().concatenating().streams(ready,
                        Multi.createBy().merging().streams(changes, pings))
                .select().first(untilExpiry());
    }

    private Duration untilExpiry() {
        long exp = jwt.getExpirationTime();
        if (exp <= 0) {
            return MAX_STREAM;
        }
        Duration left = Duration.between(clock.instant(), Instant.ofEpochSecond(exp));
        return left.isNegative() ? Duration.ZERO : left.compareTo(MAX_STREAM) > 0 ? MAX_STREAM : left;
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
