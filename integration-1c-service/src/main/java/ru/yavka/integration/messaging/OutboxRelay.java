package ru.yavka.integration.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import ru.yavka.integration.config.KafkaTopicsConfig;
import ru.yavka.integration.repository.Db;

/**
 * Publishes this service's outbox (its DataAccessed and PatientDataErased events) to Kafka in
 * order, at least once, always with the stored event id; one replica at a time. While Kafka is
 * down rows wait.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x31_43_4F_55_54L; // "1COUT"
    private static final int BATCH = 200;
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(10);

    private final Db db;
    private final KafkaTopicsConfig topics;
    private final String bootstrapServers;
    private volatile KafkaProducer<String, String> producer;
    private volatile boolean stopping;

    public OutboxRelay(Db db, KafkaTopicsConfig topics,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.db = db;
        this.topics = topics;
        this.bootstrapServers = bootstrapServers;
    }

    @Scheduled(every = "${yavka.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        if (stopping) {
            return;
        }
        try {
            db.exclusively(RELAY_LOCK, () -> {
                while (relayBatch() == BATCH) {
                    // a full batch means more may be waiting
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay pass failed, will retry: %s", e.toString());
        }
    }

    private int relayBatch() {
        List<Row> rows = new ArrayList<>();
        db.run("select seq, event_id, topic, aggregate_id, payload from outbox_event where published_at is null"
                + " order by seq limit $1", Tuple.of(BATCH)).forEach(rows::add);
        if (rows.isEmpty()) {
            return 0;
        }
        String prefix = topics.topicPrefix().orElse("");
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try {
            for (Row row : rows) {
                ProducerRecord<String, String> record = new ProducerRecord<>(prefix + row.getString("topic"),
                        row.getString("aggregate_id"), row.getString("payload"));
                record.headers().add("event-id", row.getUUID("event_id").toString().getBytes(StandardCharsets.UTF_8));
                acks.add(producer().send(record));
            }
        } catch (RuntimeException e) {
            LOG.warnf("Kafka refused a send, the rest of the batch waits: %s", e.toString());
        }
        // Wait for every outcome: a send given up on too early could still land and be sent again.
        List<Long> delivered = new ArrayList<>();
        long deadline = System.nanoTime() + DELIVERY_TIMEOUT.plusSeconds(5).toNanos();
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                delivered.add(rows.get(i).getLong("seq"));
            } catch (ExecutionException | TimeoutException e) {
                break; // keep the order: what follows a failed send waits for the next pass
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!delivered.isEmpty()) {
            db.run("update outbox_event set published_at = now(), attempts = attempts + 1 where seq = any($1)",
                    Tuple.of(delivered.toArray(Long[]::new)));
        }
        return delivered.size();
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                            ProducerConfig.ACKS_CONFIG, "all",
                            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                            ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) DELIVERY_TIMEOUT.toMillis(),
                            ProducerConfig.LINGER_MS_CONFIG, 5,
                            ProducerConfig.CLIENT_ID_CONFIG, "integration-1c-service-outbox"),
                            new StringSerializer(), new StringSerializer());
                }
            }
        }
        return producer;
    }

    /** The pool closes during shutdown; a pass then would only log noise. */
    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
