package ru.yavka.booking.config;

import java.time.Period;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "yavka.retention")
public interface RetentionConfig {

    /**
     * How long a patient's personal data is kept after their last appointment (or after their
     * registration when they never booked); then it is erased as if consent had been withdrawn.
     */
    @WithDefault("P3Y")
    Period patientData();

    /** How often the purge runs: a duration such as 6h, or off. Read by @Scheduled. */
    @WithDefault("6h")
    String every();

    /** Patients looked up per round trip; each is erased in its own transaction. */
    @WithDefault("100")
    int batchSize();
}
