package ru.yavka.booking.service;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import ru.yavka.booking.config.BookingConfig;
import ru.yavka.booking.config.RetentionConfig;
import ru.yavka.booking.repository.RetentionCandidates;

/**
 * 152-FZ Art. 5 part 7: personal data is not kept longer than its purpose needs. Once a
 * patient's retention period after their last appointment is over, their data is erased through
 * the same path as a withdrawal of consent, so the other services and the audit's destruction
 * records learn of it the same way. Running on several replicas at once is harmless: an erasure
 * of an erased patient changes nothing.
 */
@ApplicationScoped
public class RetentionPurgeJob {

    public record Result(int erased, int failed) {
    }

    /** Put on the destruction record (Roskomnadzor Order 179), so in the clinic's language. */
    static final String REASON = "истёк срок хранения персональных данных";
    static final String CHANNEL = "SYSTEM";
    /** PostgreSQL orders uuids as unsigned bytes, so the nil uuid comes before every other one. */
    private static final UUID FIRST = new UUID(0, 0);
    private static final Actor ACTOR = Actor.system("booking-service", "retention-period-expired");
    private static final Logger LOG = Logger.getLogger(RetentionPurgeJob.class);

    private final RetentionCandidates candidates;
    private final PatientErasure erasure;
    private final Clock clock;
    private final Period retention;
    private final ZoneId zone;
    private final int batchSize;
    private final Counter erased;
    private final Counter failed;

    public RetentionPurgeJob(RetentionCandidates candidates, PatientErasure erasure, Clock clock,
            RetentionConfig retention, BookingConfig booking, MeterRegistry registry) {
        this.candidates = candidates;
        this.erasure = erasure;
        this.clock = clock;
        this.retention = retention.patientData();
        this.zone = booking.clinicZone();
        this.batchSize = retention.batchSize();
        this.erased = registry.counter("booking.retention.erased");
        this.failed = registry.counter("booking.retention.failed");
    }

    @Scheduled(every = "${yavka.retention.every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return purge().onFailure().recoverWithItem(e -> {
            LOG.warnf("the retention purge failed, will retry on the next run: %s", e.getClass().getName());
            return new Result(0, 0);
        }).replaceWithVoid();
    }

    /** Erases every patient whose retention period is over; returns how many went and how many failed. */
    public Uni<Result> purge() {
        // Calendar years in the clinic's zone, as people count the period.
        Instant cutoff = clock.instant().atZone(zone).minus(retention).toInstant();
        return batchesFrom(cutoff, FIRST, new Result(0, 0)).invoke(result -> {
            if (result.erased() > 0 || result.failed() > 0) {
                LOG.infof("retention purge: %d patients erased, %d failed (last appointment before %s)",
                        result.erased(), result.failed(), cutoff);
            }
        });
    }

    private Uni<Result> batchesFrom(Instant cutoff, UUID after, Result sofar) {
        return candidates.expired(cutoff, after, batchSize).chain(ids -> {
            if (ids.isEmpty()) {
                return Uni.createFrom().item(sofar);
            }
            return eraseAll(ids).chain(batch -> {
                Result total = new Result(sofar.erased() + batch.erased(), sofar.failed() + batch.failed());
                return ids.size() < batchSize ? Uni.createFrom().item(total)
                        : batchesFrom(cutoff, ids.get(ids.size() - 1), total);
            });
        });
    }

    /** One at a time, each in its own transaction, so one failure leaves the others erased. */
    private Uni<Result> eraseAll(List<UUID> ids) {
        return Multi.createFrom().iterable(ids)
                .onItem().transformToUniAndConcatenate(id -> erasure.erase(id, REASON, CHANNEL, ACTOR)
                        .map(outcome -> true)
                        .onFailure().recoverWithItem(e -> {
                            // The exception's class only: a database message may quote a value.
                            LOG.warnf("retention erasure of patient %s failed, will retry on the next run: %s",
                                    id, e.getClass().getName());
                            return false;
                        }))
                .collect().asList()
                .map(outcomes -> {
                    int ok = (int) outcomes.stream().filter(Boolean::booleanValue).count();
                    erased.increment(ok);
                    failed.increment(outcomes.size() - ok);
                    return new Result(ok, outcomes.size() - ok);
                });
    }
}
