package ru.yavka.telegram.messaging;

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

import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import ru.yavka.telegram.config.KafkaTopicsConfig;

/**
 * Publishes the gateway's outbox (its DataAccessed and PatientDataErased events) to Kafka, at
 * least once, with the stored event id. One replica relays at a time (an advisory lock). While
 * Kafka is down the rows wait and the bot goes on.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x59_54_47_57L; // "YTGW"
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(30);
    private static final int BATCH = 500;
    private static final int DELIVERY_TIMEOUT_MS = 10_000;

    private final Pool pool;
    private final KafkaTopicsConfig topics;
    private final String bootstrapServers;
    private volatile KafkaProducer<String, String> producer;

    public OutboxRelay(Pool pool, KafkaTopicsConfig topics,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.pool = pool;
        this.topics = topics;
        this.bootstrapServers = bootstrapServers;
    }

    @Scheduled(every = "${yavka.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        try {
            while (relayBatch() == BATCH) {
                // A full batch: more may be waiting.
            }
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay pass failed, will retry: %s", e.toString());
        }
    }

    int relayBatch() {
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
        connection.preparedQuery("select seq, event_id, topic, aggregate_id, payload from outbox_event"
                        + " where published_at is null order by seq limit $1")
                .execute(Tuple.of(BATCH)).await().atMost(DB_TIMEOUT).forEach(rows::add);
        if (rows.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        try {
            for (Row row : rows) {
                acks.add(producer().send(record(row)));
            }
        } catch (RuntimeException e) {
            LOG.warnf("Kafka refused a send, the rest waits: %s", e.toString());
        }
        List<Long> delivered = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DELIVERY_TIMEOUT_MS + 5_000L);
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                delivered.add(rows.get(i).getLong("seq"));
            } catch (ExecutionException | TimeoutException e) {
                // Stays pending for the next pass.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!delivered.isEmpty()) {
            connection.preparedQuery("update outbox_event set published_at = now(), attempts = attempts + 1"
                            + " where seq = any($1)")
                    .execute(Tuple.of(delivered.toArray(Long[]::new))).await().atMost(DB_TIMEOUT);
        }
        return delivered.size();
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
                            ProducerConfig.LINGER_MS_CONFIG, 5,
                            ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, DELIVERY_TIMEOUT_MS,
                            ProducerConfig.CLIENT_ID_CONFIG, "telegram-gateway-outbox"),
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
