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
import ru.yavka.audit.service.ErasureConfirmations;
import ru.yavka.audit.service.UnstorableEvent;
import ru.yavka.contracts.events.PatientDataErased;

/**
 * Every service's PatientDataErased into a destruction record, with the same guarantees as
 * {@link DataAccessedConsumer}: the returned Uni completes after the row is committed, so the
 * message is acknowledged (and, throttled, its offset committed) only then; while PostgreSQL
 * refuses the write the event is retried with the offset left where it was; a redelivery is a
 * no-op by event id; an event that can never be stored goes to the dead-letter topic.
 */
@ApplicationScoped
public class PatientDataErasedConsumer {

    private static final Logger LOG = Logger.getLogger(PatientDataErasedConsumer.class);

    private final ErasureConfirmations confirmations;
    private final AuditConfig config;
    private final Counter failures;
    private volatile boolean stopping;

    public PatientDataErasedConsumer(ErasureConfirmations confirmations, AuditConfig config,
            MeterRegistry registry) {
        this.confirmations = confirmations;
        this.config = config;
        this.failures = registry.counter("audit.destruction.store.failures");
    }

    @Incoming("patient-data-erased")
    public Uni<Void> store(PatientDataErased event) {
        if (event == null) {
            // A tombstone (a record without a value) arrives as null; there is nothing to store.
            LOG.error("a PatientDataErased record without a value goes to the dead-letter topic");
            return Uni.createFrom().failure(new UnstorableEvent("a record without a PatientDataErased event"));
        }
        String id = event.meta() == null ? "without meta" : String.valueOf(event.meta().eventId());
        return Uni.createFrom().deferred(() -> confirmations.record(event))
                .onFailure(PgException.class).transform(DataAccessedConsumer::classify)
                .onFailure(this::worthRetrying).invoke(e -> {
                    failures.increment();
                    LOG.warnf("could not record the erasure of event %s yet, retrying: %s", id, e.toString());
                })
                .onFailure(this::worthRetrying).retry()
                .withBackOff(config.storeRetryMin(), config.storeRetryMax()).indefinitely()
                .onFailure(UnstorableEvent.class).invoke(e -> LOG.errorf(
                        "erasure event %s cannot be recorded and goes to the dead-letter topic: %s", id, e.getMessage()))
                .replaceWithVoid();
    }

    private boolean worthRetrying(Throwable failure) {
        return !stopping && !(failure instanceof UnstorableEvent);
    }

    void onStop(@Observes ShutdownEvent event) {
        // Stop retrying; the uncommitted offset brings the event back after the restart.
        stopping = true;
    }
}
