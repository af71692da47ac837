package ru.yavka.notification.config;

import java.net.URI;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The services behind the PWA's one origin. Locally notification-service forwards to them; in
 * Kubernetes the ingress routes the same paths and these are not used for the PWA.
 */
@ConfigMapping(prefix = "yavka.upstream")
public interface UpstreamConfig {

    URI booking();

    URI reminder();

    URI integration();

    URI audit();

    /** A forwarded call gives up after this long and answers 504. */
    @WithDefault("10s")
    Duration timeout();
}
