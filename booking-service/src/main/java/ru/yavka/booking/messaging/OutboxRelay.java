package ru.yavka.booking.messaging;

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

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import ru.yavka.booking.config.KafkaTopicsConfig;
import ru.yavka.booking.config.OutboxConfig;

/**
 * Publishes the outbox to Kafka in commit order, at least once and always with the stored
 * event id. One replica relays at a time (an advisory lock), so an aggregate's events leave
 * in version order. While Kafka is down the rows simply wait; booking goes on.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x59_41_56_4B_41L; // "YAVKA"
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration ACK_GRACE = Duration.ofSeconds(5);

    private final Pool pool;
    private final OutboxConfig config;
    private final KafkaTopicsConfig topics;
    private final String bootstrapServers;
    private final Counter published;
    private final Counter failures;
    private volatile KafkaProducer<String, String> producer;
    private volatile boolean careful;

    public OutboxRelay(Pool pool, OutboxConfig config, KafkaTopicsConfig topics, MeterRegistry registry,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.pool = pool;
        this.config = config;
        this.topics = topics;
        this.bootstrapServers = bootstrapServers;
        this.published = registry.counter("outbox.published");
        this.failures = registry.counter("outbox.publish.failures");
    }

    @Scheduled(every = "${yavka.outbox.poll-interval:200ms}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        try {
            while (relayBatch() > 0) {
                // Something went out, so more may be waiting (an aggregate's next event, or the
                // next batch): keep going without waiting for the next tick.
            }
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay pass failed, will retry: %s", e.toString());
        }
    }

    /** Publishes one batch; returns how many rows went out. */
    public int relayBatch() {
        SqlConnection connection = pool.getConnection().await().atMost(DB_TIMEOUT);
        try {
            Transaction tx = connection.begin().await().atMost(DB_TIMEOUT);
            try {
                int sent = relayLocked(connection);
                tx.commit().await().atMost(DB_TIMEOUT);
                return sent;
            } catch (RuntimeException e) {
                tx.rollback().await().atMost(DB_TIMEOUT);
                throw e;
            }
        } finally {
            connection.close().await().atMost(DB_TIMEOUT);
        }
    }

    private int relayLocked(SqlConnection connection) {
        boolean leader = connection.query("select pg_try_advisory_xact_lock(" + RELAY_LOCK + ")").execute()
                .await().atMost(DB_TIMEOUT).iterator().next().getBoolean(0);
        if (!leader) {
            return 0;
        }
        List<Row> rows = new ArrayList<>();
        // Only the oldest pending event of each aggregate: a later one goes out once the one before
        // it is acknowledged, so a batch that lands in part can never put an aggregate out of order.
        connection.preparedQuery("select seq, event_id, topic, aggregate_id, payload from ("
                        + " select distinct on (aggregate_id) seq, event_id, topic, aggregate_id, payload"
                        + " from outbox_event where published_at is null order by aggregate_id, seq) oldest"
                        + " order by seq limit $1")
                .execute(Tuple.of(config.batchSize()))
                .await().atMost(DB_TIMEOUT)
                .forEach(rows::add);
        if (rows.isEmpty()) {
            return 0;
        }
        List<Long> delivered = publish(rows);
        if (!delivered.isEmpty()) {
            connection.preparedQuery("update outbox_event set published_at = now(), attempts = attempts + 1"
                            + " where seq = any($1)")
                    .execute(Tuple.of(delivered.toArray(Long[]::new)))
                    .await().atMost(DB_TIMEOUT);
        }
        if (delivered.size() < rows.size()) {
            connection.preparedQuery("update outbox_event set attempts = attempts + 1, last_error = $2"
                            + " where published_at is null and seq <= $1")
                    .execute(Tuple.of(rows.get(rows.size() - 1).getLong("seq"), "not acknowledged by Kafka"))
                    .await().atMost(DB_TIMEOUT);
        }
        return delivered.size();
    }

    /**
     * Returns the sequence numbers Kafka acknowledged; the rest stay pending. While Kafka is
     * healthy the batch is pipelined (the idempotent producer keeps each partition's order).
     * After a failure the relay goes one event at a time, stopping at the first refusal, until a
     * whole batch goes through: a pipelined batch could land partly and leave an aggregate's
     * earlier event to be retried after its later one.
     */
    private List<Long> publish(List<Row> rows) {
        List<Long> delivered = careful ? publishOneByOne(rows) : publishPipelined(rows);
        careful = delivered.size() < rows.size();
        if (careful) {
            LOG.warnf("Kafka acknowledged %d of %d outbox events; the rest will be retried one by one",
                    delivered.size(), rows.size());
        }
        published.increment(delivered.size());
        return delivered;
    }

    private List<Long> publishPipelined(List<Row> rows) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        try {
            for (Row row : rows) {
                acks.add(producer().send(record(row)));
            }
        } catch (RuntimeException e) {
            LOG.warnf("Kafka refused a send, the rest of the batch waits: %s", e.toString());
        }
        List<Long> delivered = new ArrayList<>(acks.size());
        long deadline = System.nanoTime() + ackWait().toNanos();
        for (int i = 0; i < acks.size(); i++) {
            if (acknowledged(acks.get(i), deadline)) {
                delivered.add(rows.get(i).getLong("seq"));
            }
        }
        return delivered;
    }

    private List<Long> publishOneByOne(List<Row> rows) {
        List<Long> delivered = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Future<RecordMetadata> ack;
            try {
                ack = producer().send(record(row));
            } catch (RuntimeException e) {
                LOG.warnf("Kafka refused a send: %s", e.toString());
                break;
            }
            if (!acknowledged(ack, System.nanoTime() + ackWait().toNanos())) {
                break;
            }
            delivered.add(row.getLong("seq"));
        }
        return delivered;
    }

    /**
     * Waits past the producer's own delivery timeout: a send given up on too early could still
     * land, and its retry would then be a duplicate.
     */
    private boolean acknowledged(Future<RecordMetadata> ack, long deadlineNanos) {
        try {
            ack.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            failures.increment();
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Duration ackWait() {
        return config.deliveryTimeout().plus(ACK_GRACE);
    }

    private ProducerRecord<String, String> record(Row row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(
                topics.topicPrefix().orElse("") + row.getString("topic"), row.getString("aggregate_id"),
                row.getString("payload"));
        record.headers().add("event-id", row.getUUID("event_id").toString().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                            ProducerConfig.ACKS_CONFIG, "all",
                            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                            ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                            ProducerConfig.LINGER_MS_CONFIG, 5,
                            ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) config.deliveryTimeout().toMillis(),
                            ProducerConfig.CLIENT_ID_CONFIG, "booking-service-outbox"),
                            new StringSerializer(), new StringSerializer());
                }
            }
        }
        return producer;
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
