package ru.yavka.contracts.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ru.yavka.contracts.events.SlotReleased;
import ru.yavka.contracts.events.YavkaEvent;
import ru.yavka.contracts.testing.TestRun;
import ru.yavka.contracts.testing.TestTopics;

/** Every event through a real broker: produce, consume, compare; then duplicates and stale events. */
class KafkaRoundTripTest {

    private static final String PREFIX = TestRun.topicPrefix() + "contracts.";

    @BeforeAll
    static void createTopics() {
        TestTopics.createAll(PREFIX);
    }

    @Test
    void everyEventRoundTripsThroughItsOwnTopic() {
        List<YavkaEvent> sent = SampleEvents.oneOfEach();
        try (KafkaProducer<String, YavkaEvent> producer = producer()) {
            for (YavkaEvent event : sent) {
                producer.send(new ProducerRecord<>(PREFIX + Topics.of(event), event.meta().aggregateId(), event));
            }
            producer.flush();
        }

        List<ConsumerRecord<String, YavkaEvent>> received = consume(PREFIX, sent.size());

        assertThat(received).extracting(ConsumerRecord::value).containsExactlyInAnyOrderElementsOf(sent);
        for (ConsumerRecord<String, YavkaEvent> record : received) {
            assertThat(record.topic()).isEqualTo(PREFIX + record.value().getClass().getSimpleName());
            assertThat(record.key()).isEqualTo(record.value().meta().aggregateId());
        }
    }

    @Test
    void consumerDropsADuplicateAndAStaleEvent() {
        String prefix = PREFIX + "dedupe.";
        TestTopics.createAll(prefix);
        SlotReleased first = released(1);
        SlotReleased third = released(3);
        SlotReleased lateSecond = released(2);
        // Same key, same topic: Kafka keeps this order. The duplicate is the very same record sent twice.
        List<YavkaEvent> sent = List.of(first, first, third, lateSecond);
        try (KafkaProducer<String, YavkaEvent> producer = producer()) {
            for (YavkaEvent event : sent) {
                producer.send(new ProducerRecord<>(prefix + Topics.SLOT_RELEASED, event.meta().aggregateId(), event));
            }
            producer.flush();
        }

        LatestVersionConsumer consumer = new LatestVersionConsumer();
        consume(prefix, sent.size()).forEach(record -> consumer.accept(record.value()));

        assertThat(consumer.applied()).containsExactly(first, third);
        assertThat(consumer.duplicates()).isEqualTo(1);
        assertThat(consumer.stale()).isEqualTo(1);
    }

    private static SlotReleased released(long version) {
        return new SlotReleased(SampleEvents.meta(SampleEvents.SLOT, version), SampleEvents.SLOT, SampleEvents.DOCTOR,
                "cardiologist", SampleEvents.START, 30, "CANCELLED");
    }

    private static KafkaProducer<String, YavkaEvent> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestRun.kafkaBootstrap(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new EventSerializer());
    }

    private static List<ConsumerRecord<String, YavkaEvent>> consume(String prefix, int expected) {
        List<ConsumerRecord<String, YavkaEvent>> received = new ArrayList<>();
        try (KafkaConsumer<String, YavkaEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestRun.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, prefix + "test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new EventDeserializer())) {
            consumer.subscribe(Pattern.compile(Pattern.quote(prefix) + "[A-Za-z]+"));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (received.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
            }
        }
        return received;
    }
}
