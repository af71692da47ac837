package ru.yavka.reminder.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Where the service's own producer writes: the same broker and topic prefix as the consumers. */
@ConfigMapping(prefix = "yavka.kafka")
public interface KafkaSettings {

    /** Empty in production; a test run or a shared broker puts e.g. {@code t2026x1a2b.} in front of every topic. */
    Optional<String> topicPrefix();

    Optional<String> groupPrefix();
}
