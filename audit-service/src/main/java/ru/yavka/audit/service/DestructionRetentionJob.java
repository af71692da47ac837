package ru.yavka.audit.service;

import java.time.Clock;
import java.time.Period;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import ru.yavka.audit.config.AuditConfig;
import ru.yavka.audit.repository.DestructionRecordRepository;

/**
 * Destruction records are kept for their retention period (3 years, Roskomnadzor Order 179) from
 * the destruction, then purged. Running it in several replicas at once is harmless.
 */
@ApplicationScoped
public class DestructionRetentionJob {

    private static final Logger LOG = Logger.getLogger(DestructionRetentionJob.class);

    private final DestructionRecordRepository records;
    private final Clock clock;
    private final Period retention;
    private final ZoneId zone;
    private final Counter purged;

    public DestructionRetentionJob(DestructionRecordRepository records, Clock clock, AuditConfig config,
            MeterRegistry registry) {
        this.records = records;
        this.clock = clock;
        this.retention = config.destruction().retention();
        this.zone = config.clinicZone();
        this.purged = registry.counter("audit.destruction.purged");
    }

    @Scheduled(every = "${yavka.audit.destruction.purge-every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return purge().onFailure().recoverWithItem(e -> {
            LOG.warnf("purging expired destruction records failed, will retry on the next run: %s", e.toString());
            return 0L;
        }).replaceWithVoid();
    }

    /** Purges the records whose retention is over; returns how many. */
    public Uni<Long> purge() {
        // Years are calendar years in the clinic's zone, so a record of 29 February keeps its full term.
        var cutoff = clock.instant().atZone(zone).minus(retention).toInstant();
        return records.purgeDestroyedBefore(cutoff).invoke(count -> {
            purged.increment(count);
            if (count > 0) {
                LOG.infof("purged %d destruction records destroyed before %s", count, cutoff);
            }
        });
    }
}
