package ru.yavka.notification.config;

import java.time.Duration;
import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "yavka.notification")
public interface NotificationConfig {

    /** Times are stored in UTC and shown to people in this zone. */
    @WithDefault("Europe/Moscow")
    ZoneId clinicZone();

    /** A cancellation this close to the visit is pushed: the slot needs filling at once. */
    @WithDefault("24h")
    Duration lateCancellationWindow();
}
