package ru.yavka.audit.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import ru.yavka.audit.config.AuditConfig;
import ru.yavka.audit.service.AuditLedger;
import ru.yavka.audit.service.UnstorableEvent;
import ru.yavka.contracts.events.DataAccessed;

/**
 * DataAccessed from every service into the chain. The method returns a Uni, so the message is
 * acknowledged after it completes (post-processing), i.e. after the row is committed; the
 * throttled commit strategy then commits an offset only once it and every record before it in
 * its partition were acknowledged. While PostgreSQL refuses the write the same event is retried,
 * with the offset uncommitted, rather than skipped: a crash meanwhile re-reads it, and the event
 * id makes the redelivery a no-op. An event that can never be stored is nacked and goes to the
 * dead-letter topic; so do records that hold no readable event: bytes that are not JSON are
 * nacked by the connector itself (fail-on-deserialization-failure=false), a tombstone here.
 * Any other failure is retried: stalling (visible in health and metrics) is better for an audit
 * log than setting an event aside.
 */
@ApplicationScoped
public class DataAccessedConsumer {

    private static final Logger LOG = Logger.getLogger(DataAccessedConsumer.class);

    private final AuditLedger ledger;
    private final AuditConfig config;
    private final Counter failures;
    private volatile boolean stopping;

    public DataAccessedConsumer(AuditLedger ledger, AuditConfig config, MeterRegistry registry) {
        this.ledger = ledger;
        this.config = config;
        this.failures = registry.counter("audit.store.failures");
    }

    @Incoming("data-accessed")
    public Uni<Void> store(DataAccessed event) {
        if (event == null) {
            // A tombstone (a record without a value) arrives as null; there is nothing to store.
            LOG.error("a DataAccessed record without a value goes to the dead-letter topic");
            return Uni.createFrom().failure(new UnstorableEvent("a record without a DataAccessed event"));
        }
        String id = event.meta() == null ? "without meta" : String.valueOf(event.meta().eventId());
        return Uni.createFrom().deferred(() -> ledger.append(event))
                .onFailure(PgException.class).transform(DataAccessedConsumer::classify)
                .onFailure(this::worthRetrying).invoke(e -> {
                    failures.increment();
                    LOG.warnf("could not store audit event %s yet, retrying: %s", id, e.toString());
                })
                .onFailure(this::worthRetrying).retry()
                .withBackOff(config.storeRetryMin(), config.storeRetryMax()).indefinitely()
                .onFailure(UnstorableEvent.class).invoke(e -> LOG.errorf(
                        "audit event %s cannot be stored and goes to the dead-letter topic: %s", id, e.getMessage()))
                .replaceWithVoid();
    }

    /**
     * A data exception (SQLSTATE class 22, e.g. a NUL character in a text) would fail forever;
     * anything else (connection lost, privileges missing, a deadlock) may pass when retried.
     */
    static Throwable classify(Throwable failure) {
        PgException pg = (PgException) failure;
        return pg.getSqlState() != null && pg.getSqlState().startsWith("22")
                ? new UnstorableEvent("PostgreSQL refused a value: " + pg.getMessage(), pg) : pg;
    }

    private boolean worthRetrying(Throwable failure) {
        return !stopping && !(failure instanceof UnstorableEvent);
    }

    void onStop(@Observes ShutdownEvent event) {
        // Stop retrying; the uncommitted offset brings the event back after the restart.
        stopping = true;
    }
}
