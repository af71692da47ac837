package ru.yavka.booking.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "yavka")
public interface OutboxConfig {

    Outbox outbox();

    Kafka kafka();

    interface Outbox {
        @WithDefault("200ms")
        Duration pollInterval();

        @WithDefault("200")
        int batchSize();

        /** A send not acknowledged within this time is retried on a later pass. */
        @WithDefault("10s")
        Duration sendTimeout();
    }

    interface Kafka {
        /** Put in front of every topic name, e.g. a test run's own prefix. */
        Optional<String> topicPrefix();
    }
}
