package ru.yavka.audit.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import ru.yavka.contracts.events.DataAccessed;
import ru.yavka.contracts.events.EventMeta;
import ru.yavka.contracts.events.PatientDataErased;
import ru.yavka.contracts.events.YavkaEvent;
import ru.yavka.contracts.kafka.EventSerializer;
import ru.yavka.contracts.kafka.Topics;

/** DataAccessed events as the other services emit them, sent to the run's own topic on the real broker. */
public final class Events {

    private Events() {
    }

    public static DataAccessed access(UUID patientId, String actor, String role, DataAccessed.Action action,
            String purpose, String service, Instant at) {
        return new DataAccessed(EventMeta.next(patientId.toString(), 0, at), actor, role, patientId, "patient",
                patientId.toString(), action, purpose, service);
    }

    public static DataAccessed read(UUID patientId, String actor, Instant at) {
        return access(patientId, actor, "registrar", DataAccessed.Action.READ, "medical-care-scheduling",
                "booking-service", at);
    }

    public static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    public static String topic() {
        return topic(ConfigProvider.getConfig().getOptionalValue("yavka.kafka.topic-prefix", String.class).orElse(""));
    }

    public static String topic(String prefix) {
        return prefix + Topics.DATA_ACCESSED;
    }

    /** The run's PatientDataErased topic, where services confirm their part of an erasure. */
    public static String erasedTopic() {
        return ConfigProvider.getConfig().getOptionalValue("yavka.kafka.topic-prefix", String.class).orElse("")
                + Topics.PATIENT_DATA_ERASED;
    }

    public static PatientDataErased erased(UUID patientId, String service, List<String> categories, String reason,
            Instant at) {
        return new PatientDataErased(EventMeta.next(patientId.toString(), 1, at), patientId, service, categories,
                reason);
    }

    /** Sends the events and waits until the broker has them all; returns where each landed. */
    public static List<RecordMetadata> send(List<? extends YavkaEvent> events) {
        return send(bootstrap(), topic(), events);
    }

    public static List<RecordMetadata> send(String bootstrap, String topic, List<? extends YavkaEvent> events) {
        try (KafkaProducer<String, YavkaEvent> producer = producer(bootstrap, new EventSerializer())) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (YavkaEvent event : events) {
                acks.add(producer.send(new ProducerRecord<>(topic, event.meta().aggregateId(), event)));
            }
            return await(acks);
        }
    }

    /** Sends raw bytes to the DataAccessed topic, as a broken or hostile producer might. */
    public static List<RecordMetadata> sendRaw(List<byte[]> values) {
        try (KafkaProducer<String, byte[]> producer = producer(bootstrap(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (byte[] value : values) {
                acks.add(producer.send(new ProducerRecord<>(topic(), "raw", value)));
            }
            return await(acks);
        }
    }

    private static <V> KafkaProducer<String, V> producer(String bootstrap, Serializer<V> serializer) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), serializer);
    }

    private static List<RecordMetadata> await(List<Future<RecordMetadata>> acks) {
        List<RecordMetadata> landed = new ArrayList<>(acks.size());
        try {
            for (var ack : acks) {
                landed.add(ack.get(60, TimeUnit.SECONDS));
            }
            return landed;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not take the events: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
