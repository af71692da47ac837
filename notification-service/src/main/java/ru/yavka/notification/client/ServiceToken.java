package ru.yavka.notification.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.jwt.build.Jwt;

/**
 * The JWT this service presents to booking-service: upn notification-service, group service,
 * signed with the key at {@code smallrye.jwt.sign.key.location}. Reused until shortly before it expires.
 */
@ApplicationScoped
public class ServiceToken {

    private static final Duration LIFESPAN = Duration.ofMinutes(10);
    private static final Duration RENEW_BEFORE = Duration.ofMinutes(2);

    private final String issuer;
    private final Clock wallClock = Clock.systemUTC();
    private String token;
    private Instant expiresAt = Instant.EPOCH;

    public ServiceToken(@ConfigProperty(name = "mp.jwt.verify.issuer") String issuer) {
        this.issuer = issuer;
    }

    /** Expiry is judged by the wall clock: booking-service checks it with its own. */
    public synchronized String bearer() {
        Instant now = wallClock.instant();
        if (token == null || now.isAfter(expiresAt.minus(RENEW_BEFORE))) {
            expiresAt = now.plus(LIFESPAN);
            token = Jwt.upn("notification-service")
                    .groups("service")
                    .issuer(issuer)
                    .issuedAt(now)
                    .expiresAt(expiresAt)
                    .sign();
        }
        return "Bearer " + token;
    }
}
