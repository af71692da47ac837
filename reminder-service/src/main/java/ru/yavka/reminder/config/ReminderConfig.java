package ru.yavka.reminder.config;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Everything the reminder policy can be told from configuration. */
@ConfigMapping(prefix = "yavka.reminder")
public interface ReminderConfig {

    /** The clinic's zone: quiet hours and the patient-facing dates and times are in it. */
    @WithDefault("Europe/Moscow")
    ZoneId zone();

    /** Read by the {@code @Scheduled} expressions; {@code off} disables the scheduled jobs (tests drive them). */
    @WithDefault("1s")
    String dispatchInterval();

    @WithDefault("standard")
    String defaultTier();

    /** The touch sequence per no-show-risk tier. */
    Map<String, Tier> tiers();

    QuietHours quietHours();

    Dispatch dispatch();

    NoShow noShow();

    /** How long a consumed event id is remembered; far beyond Kafka's retention, so a redelivery always finds it. */
    @WithDefault("P30D")
    Duration processedEventRetention();

    interface Tier {
        List<Touch> touches();
    }

    interface Touch {
        /** T_MINUS_48H, T_MINUS_24H, T_MINUS_2H, NO_SHOW_CHECK, ... */
        String kind();

        /** Relative to the appointment's start: negative before it, positive after. */
        Duration offset();

        /** Message template key in messages/reminders.properties; the no-show check has none. */
        Optional<String> template();

        Optional<List<String>> buttons();
    }

    interface QuietHours {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("22:00")
        LocalTime start();

        @WithDefault("08:00")
        LocalTime end();
    }

    interface Dispatch {
        /** Touches claimed (and locked) per transaction. */
        @WithDefault("500")
        int batchSize();

        /** Upper bound for Kafka's acks of one batch; the producer's own delivery timeout is shorter. */
        @WithDefault("PT30S")
        Duration publishTimeout();

        /** Delay before a touch that Kafka refused for good (not a broker outage) is tried again. */
        @WithDefault("PT1M")
        Duration retryBackoff();
    }

    interface NoShow {
        @WithDefault("20")
        int batchSize();

        /** A claimed check is hidden from other replicas this long while booking-service is called. */
        @WithDefault("PT2M")
        Duration lease();

        /** When booking-service could not answer (down, timeout, visit not started by its clock). */
        @WithDefault("PT1M")
        Duration retryDelay();

        @WithDefault("noshow.followup")
        String followupTemplate();

        @WithDefault("BOOK_AGAIN")
        List<String> followupButtons();
    }
}
