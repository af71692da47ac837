package ru.yavka.notification.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import ru.yavka.notification.client.WebPushClient;
import ru.yavka.notification.config.PushConfig;
import ru.yavka.notification.repository.PushSubscription;
import ru.yavka.notification.repository.PushSubscriptionRepository;

/** Staff devices that take pushes: one per browser, owned by whoever turned it on there last. */
@ApplicationScoped
public class SubscriptionService {

    public static final int MAX_DOCTORS = 50;
    private static final int MAX_ENDPOINT = 2048;

    private final PushSubscriptionRepository subscriptions;
    private final AlertService alerts;
    private final AlertTexts texts;
    private final PushConfig config;
    private final Clock clock;

    public SubscriptionService(PushSubscriptionRepository subscriptions, AlertService alerts, AlertTexts texts,
            PushConfig config, Clock clock) {
        this.subscriptions = subscriptions;
        this.alerts = alerts;
        this.texts = texts;
        this.config = config;
        this.clock = clock;
    }

    /** What the browser's PushSubscription.toJSON() gives, plus the doctors to follow. */
    public record Request(String endpoint, String p256dh, String auth, List<UUID> doctorIds, String userAgent) {
    }

    @WithTransaction
    public Uni<PushSubscription> subscribe(StaffUser user, Request request) {
        String role = user.pushedRole().orElseThrow(() -> new ApiProblem(403, "Forbidden",
                "staff in the roles " + user.roles() + " are not sent notifications", null));
        checkEndpoint(request.endpoint());
        checkKeys(request.p256dh(), request.auth());
        Set<UUID> doctors = followed(user, request.doctorIds());
        Instant now = clock.instant();
        return subscriptions.findByEndpoint(request.endpoint()).chain(existing -> {
            PushSubscription s = existing != null ? existing : new PushSubscription();
            if (existing == null) {
                s.id = UUID.randomUUID();
                s.endpoint = request.endpoint();
                s.createdAt = now;
            }
            s.userName = user.name();
            s.role = role;
            s.p256dh = request.p256dh().strip();
            s.auth = request.auth().strip();
            s.userAgent = request.userAgent() == null ? null
                    : request.userAgent().substring(0, Math.min(300, request.userAgent().length()));
            s.doctorIds.clear();
            s.doctorIds.addAll(doctors);
            s.updatedAt = now;
            return subscriptions.persist(s);
        });
    }

    @WithTransaction
    public Uni<List<PushSubscription>> mine(StaffUser user) {
        return subscriptions.ofUser(user.name());
    }

    /** Only the owner removes a device; someone else's id answers as if it did not exist. */
    @WithTransaction
    public Uni<Void> unsubscribe(StaffUser user, UUID id) {
        return subscriptions.findById(id).chain(s -> {
            if (s == null || !s.userName.equals(user.name())) {
                return Uni.createFrom().failure(ApiProblem.notFound("no subscription " + id + " of yours"));
            }
            return subscriptions.delete(s);
        });
    }

    /** Pushes a test alert to the caller's own devices; answers how many were queued. */
    @WithTransaction
    public Uni<Long> test(StaffUser user) {
        return subscriptions.count("userName", user.name())
                .call(devices -> devices == 0 ? Uni.createFrom().voidItem()
                        : alerts.raise(texts.test(user.name()), clock.instant()));
    }

    /** A doctor signed in with their own account follows themselves; others choose. */
    private static Set<UUID> followed(StaffUser user, List<UUID> requested) {
        if (user.roles().contains(StaffRole.DOCTOR) && user.doctorId().isPresent()
                && user.pushedRole().orElse("").equals(StaffRole.DOCTOR)) {
            return Set.of(user.doctorId().get());
        }
        if (requested == null) {
            return Set.of();
        }
        if (requested.size() > MAX_DOCTORS) {
            throw ApiProblem.badRequest("doctorIds", "follow at most " + MAX_DOCTORS + " doctors");
        }
        if (requested.stream().anyMatch(java.util.Objects::isNull)) {
            throw ApiProblem.badRequest("doctorIds", "doctorIds must be UUIDs");
        }
        return new HashSet<>(requested);
    }

    /**
     * The service will POST to this URL: only a known push service's host over https (plain
     * http only where a local stand-in is configured), never an arbitrary address.
     */
    private void checkEndpoint(String endpoint) {
        if (endpoint == null || endpoint.isBlank()) {
            throw ApiProblem.badRequest("endpoint", "endpoint is required");
        }
        if (endpoint.length() > MAX_ENDPOINT) {
            throw ApiProblem.badRequest("endpoint", "endpoint is longer than " + MAX_ENDPOINT + " characters");
        }
        URI uri;
        try {
            uri = new URI(endpoint.strip());
        } catch (URISyntaxException e) {
            throw ApiProblem.badRequest("endpoint", "endpoint is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean schemeOk = scheme.equals("https") || (scheme.equals("http") && config.allowHttpEndpoints());
        if (!schemeOk || uri.getHost() == null || uri.getUserInfo() != null) {
            throw ApiProblem.badRequest("endpoint", "endpoint must be an https URL of a push service");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        boolean allowed = config.allowedEndpointHosts().stream().map(p -> p.strip().toLowerCase(Locale.ROOT))
                .anyMatch(p -> p.startsWith("*.") ? host.endsWith(p.substring(1)) : host.equals(p));
        if (!allowed) {
            throw ApiProblem.badRequest("endpoint", "push service " + host + " is not one this clinic sends to");
        }
    }

    private static void checkKeys(String p256dh, String auth) {
        if (p256dh == null || p256dh.isBlank()) {
            throw ApiProblem.badRequest("keys.p256dh", "keys.p256dh is required");
        }
        if (auth == null || auth.isBlank()) {
            throw ApiProblem.badRequest("keys.auth", "keys.auth is required");
        }
        try {
            WebPushClient.browserKey(p256dh);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw ApiProblem.badRequest("keys.p256dh", "keys.p256dh is not a P-256 public key: " + e.getMessage());
        }
        try {
            if (WebPushClient.decode(auth).length != 16) {
                throw ApiProblem.badRequest("keys.auth", "keys.auth must be 16 bytes, base64url");
            }
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("keys.auth", "keys.auth is not base64url");
        }
    }
}
