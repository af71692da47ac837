package ru.yavka.audit.config;

import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "yavka.audit")
public interface AuditConfig {

    /** Times are stored in UTC and shown to people in this zone. */
    @WithDefault("Europe/Moscow")
    ZoneId clinicZone();

    /**
     * First and longest pause between attempts to store an event while PostgreSQL refuses it.
     * The consumer keeps trying (and keeps the offset uncommitted) rather than skip an event.
     */
    @WithDefault("200ms")
    Duration storeRetryMin();

    @WithDefault("30s")
    Duration storeRetryMax();

    @WithDefault("200")
    int maxPageSize();

    /** Rows read per round trip while verifying the chain. */
    @WithDefault("1000")
    int verifyBatchSize();

    Destruction destruction();

    interface Destruction {

        /** How long a destruction record is kept (Roskomnadzor Order 179: 3 years). */
        @WithDefault("P3Y")
        Period retention();

        /** How often the purge runs: a duration such as 6h, or off. Read by @Scheduled. */
        @WithDefault("6h")
        String purgeEvery();

        /**
         * The reason put on record when a PatientDataErased event names none (one written before
         * events carried it): erasures then started only with a withdrawal of consent.
         */
        @WithDefault("отзыв согласия на обработку персональных данных")
        String erasureReason();
    }
}
