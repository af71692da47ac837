package ru.yavka.notification.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Web Push: the VAPID identity, which push services we talk to, and how hard we try. */
@ConfigMapping(prefix = "yavka.push")
public interface PushConfig {

    Vapid vapid();

    /** How often the dispatcher looks for due deliveries. */
    @WithDefault("1s")
    Duration dispatchInterval();

    /** Deliveries claimed per dispatcher pass. */
    @WithDefault("50")
    int batchSize();

    /** Sends in flight at once within a pass. */
    @WithDefault("8")
    int parallelSends();

    /** A claimed delivery is left alone by other replicas this long (covers a send in progress). */
    @WithDefault("2m")
    Duration claimLease();

    /** Time allowed for one push service to answer. */
    @WithDefault("15s")
    Duration sendTimeout();

    /** Attempts per delivery before it is given up (429 and 5xx are retried). */
    @WithDefault("8")
    int maxAttempts();

    /** First retry delay; it doubles per attempt, with jitter, up to {@link #retryMax()}. */
    @WithDefault("5s")
    Duration retryBase();

    @WithDefault("15m")
    Duration retryMax();

    /**
     * Hosts a subscription endpoint may point at ("*.example.com" matches subdomains). The
     * service POSTs to whatever a staff member registers, so the list keeps it from being
     * turned against internal addresses.
     */
    @WithDefault("fcm.googleapis.com,*.push.services.mozilla.com,*.notify.windows.com,web.push.apple.com,*.push.apple.com")
    List<String> allowedEndpointHosts();

    /** Plain-http endpoints are for local stand-ins only. */
    @WithDefault("false")
    boolean allowHttpEndpoints();

    interface Vapid {

        /** Uncompressed P-256 point, base64url (what the browser's applicationServerKey takes). */
        Optional<String> publicKey();

        /** The private scalar, base64url. A secret: from the environment only. */
        Optional<String> privateKey();

        /** Contact for push service operators (RFC 8292 "sub"): mailto: or https:. */
        @WithDefault("mailto:admin@yavka.local")
        String subject();
    }
}
