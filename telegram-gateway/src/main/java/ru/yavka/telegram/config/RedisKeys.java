package ru.yavka.telegram.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "yavka.redis")
public interface RedisKeys {

    /** Namespaces this deployment's keys (and a test run's) in a shared Redis. */
    @WithDefault("yavka:")
    String keyPrefix();
}
