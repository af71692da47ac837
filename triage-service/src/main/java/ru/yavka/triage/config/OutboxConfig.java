package ru.yavka.triage.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "yavka.outbox")
public interface OutboxConfig {

    @WithDefault("200ms")
    Duration pollInterval();

    @WithDefault("200")
    int batchSize();

    /** Kafka's delivery.timeout.ms: a send not acknowledged by then stays pending for a later pass. */
    @WithDefault("10s")
    Duration deliveryTimeout();
}
