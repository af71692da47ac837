package ru.yavka.booking.config;

import java.time.Duration;
import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "yavka.booking")
public interface BookingConfig {

    /** Times are stored in UTC and shown to people in this zone. */
    @WithDefault("Europe/Moscow")
    ZoneId clinicZone();

    /** How long a patient choosing in Telegram keeps a slot to themselves. */
    @WithDefault("5m")
    Duration holdTtl();

    /** How long a waitlist offer stays open before it passes to the next match. */
    @WithDefault("15m")
    Duration offerTtl();

    /** How often lapsed offers are looked for. */
    @WithDefault("10s")
    Duration offerExpiryCheck();

    /** Purpose recorded in DataAccessed when the caller names none (header X-Access-Purpose). */
    @WithDefault("medical-care-scheduling")
    String defaultPurpose();
}
