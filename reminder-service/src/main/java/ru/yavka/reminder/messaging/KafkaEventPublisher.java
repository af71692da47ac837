package ru.yavka.reminder.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import ru.yavka.contracts.events.YavkaEvent;
import ru.yavka.contracts.kafka.EventSerializer;
import ru.yavka.contracts.kafka.Topics;
import ru.yavka.reminder.config.KafkaSettings;

/**
 * A plain Kafka producer rather than a messaging channel: the dispatcher needs the ack of
 * each record before it commits, and a broker outage must only fail these futures, never a
 * channel (or the service's health) for good.
 */
@ApplicationScoped
public class KafkaEventPublisher implements EventPublisher {

    private final KafkaProducer<String, YavkaEvent> producer;
    private final String topicPrefix;

    @Inject
    public KafkaEventPublisher(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            KafkaSettings settings) {
        this(bootstrapServers, settings.topicPrefix().orElse(""), Map.of());
    }

    public KafkaEventPublisher(String bootstrapServers, String topicPrefix, Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "reminder-service");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        // Broker-side dedupe of the producer's own retries; re-sends after a crash are the gateway's to drop.
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        // With the broker down, send() blocks at most this long for metadata, and every record
        // fails within the delivery timeout: the touches stay PLANNED and go out later.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
        config.putAll(overrides);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new EventSerializer());
        this.topicPrefix = topicPrefix;
    }

    @Override
    public CompletableFuture<Void> publish(String key, YavkaEvent event) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        try {
            producer.send(new ProducerRecord<>(topicPrefix + Topics.of(event), key, event), (metadata, error) -> {
                if (error == null) {
                    acked.complete(null);
                } else {
                    acked.completeExceptionally(error);
                }
            });
        } catch (RuntimeException e) {
            acked.completeExceptionally(e);
        }
        return acked;
    }

    @PreDestroy
    public void close() {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
