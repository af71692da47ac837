package ru.yavka.telegram.support;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import ru.yavka.contracts.events.EventMeta;
import ru.yavka.contracts.events.ReminderDue;
import ru.yavka.contracts.events.YavkaEvent;
import ru.yavka.contracts.kafka.EventSerializer;
import ru.yavka.contracts.kafka.Topics;
import ru.yavka.contracts.testing.TestRun;

/** Produces events to this run's topics, as reminder-service and booking-service would. */
public final class Events implements AutoCloseable {

    private final KafkaProducer<String, YavkaEvent> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestRun.kafkaBootstrap(),
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.LINGER_MS_CONFIG, 5),
            new StringSerializer(), new EventSerializer());

    public void send(String key, YavkaEvent event) {
        try {
            producer.send(new ProducerRecord<>(TestRun.topicPrefix() + Topics.of(event), key, event))
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not produce " + event.getClass().getSimpleName(), e);
        }
    }

    public void sendAsync(String key, YavkaEvent event) {
        producer.send(new ProducerRecord<>(TestRun.topicPrefix() + Topics.of(event), key, event));
    }

    public void flush() {
        producer.flush();
    }

    /** A reminder as reminder-service sends it, its text already rendered. */
    public static ReminderDue reminder(String idempotencyKey, UUID appointmentId, UUID patientId, String text,
            Instant start, List<String> buttons) {
        return new ReminderDue(EventMeta.next(appointmentId.toString(), 1, Instant.now()), idempotencyKey,
                appointmentId, patientId, "T_MINUS_24H", Instant.now(), "reminder.t24",
                Map.of("text", text, "start", start.toString(), "doctor", "Иванова Анна Петровна"), buttons);
    }

    @Override
    public void close() {
        producer.close();
    }
}
