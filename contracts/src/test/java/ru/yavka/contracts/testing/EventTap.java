package ru.yavka.contracts.testing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

import ru.yavka.contracts.events.YavkaEvent;
import ru.yavka.contracts.kafka.EventDeserializer;

/**
 * Listens to every topic of a prefix on the real broker, from the beginning, and keeps what
 * arrives (with the broker's record metadata) for assertions.
 */
public final class EventTap implements AutoCloseable {

    public record Received(YavkaEvent event, String topic, int partition, long offset, long timestamp) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final KafkaConsumer<String, YavkaEvent> consumer;
    private final Thread poller;
    private volatile boolean running = true;

    private EventTap(String bootstrap, String prefix) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, prefix + "tap-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, 1000),
                new StringDeserializer(), new EventDeserializer());
        consumer.subscribe(Pattern.compile(Pattern.quote(prefix) + "[A-Za-z]+"));
        poller = new Thread(this::poll, "event-tap");
        poller.setDaemon(true);
        poller.start();
    }

    public static EventTap onRun() {
        return new EventTap(TestRun.kafkaBootstrap(), TestRun.topicPrefix());
    }

    public static EventTap on(String bootstrap, String prefix) {
        return new EventTap(bootstrap, prefix);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public <T extends YavkaEvent> List<T> events(Class<T> type, Predicate<T> filter) {
        return received.stream()
                .map(Received::event)
                .filter(type::isInstance)
                .map(type::cast)
                .filter(filter)
                .toList();
    }

    private void poll() {
        try {
            while (running) {
                for (ConsumerRecord<String, YavkaEvent> record : consumer.poll(Duration.ofMillis(200))) {
                    received.add(new Received(record.value(), record.topic(), record.partition(), record.offset(),
                            record.timestamp()));
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        poller.join(5000);
    }
}
