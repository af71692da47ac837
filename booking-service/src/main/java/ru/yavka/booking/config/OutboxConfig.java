package ru.yavka.booking.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "yavka.outbox")
public interface OutboxConfig {

    @WithDefault("200ms")
    Duration pollInterval();

    @WithDefault("200")
    int batchSize();

    /** A send not acknowledged within this time is retried on a later pass. */
    @WithDefault("10s")
    Duration sendTimeout();
}
