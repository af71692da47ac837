package ru.yavka.notification.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "yavka.kafka")
public interface KafkaTopicsConfig {

    /** Put in front of every topic name, e.g. a test run's own prefix. */
    Optional<String> topicPrefix();

    /** Put in front of consumer group ids, for the same reason. */
    Optional<String> groupPrefix();
}
