package ru.yavka.notification.support;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import ru.yavka.contracts.events.YavkaEvent;
import ru.yavka.contracts.kafka.EventSerializer;
import ru.yavka.contracts.kafka.Topics;
import ru.yavka.contracts.testing.TestRun;

/**
 * Publishes events to the run's topics on the real broker, as booking-service's outbox relay
 * does: for the cases a test must set up precisely (a visit in the past, a cancellation at a
 * given distance from the visit) without waiting for the clock.
 */
public final class Events implements AutoCloseable {

    private final KafkaProducer<String, YavkaEvent> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestRun.kafkaBootstrap(),
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.LINGER_MS_CONFIG, 0,
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000,
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000),
            new StringSerializer(), new EventSerializer());

    public void publish(YavkaEvent event) {
        try {
            producer.send(new ProducerRecord<>(TestRun.topicPrefix() + Topics.of(event), event.meta().aggregateId(),
                    event)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not take " + event, e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
