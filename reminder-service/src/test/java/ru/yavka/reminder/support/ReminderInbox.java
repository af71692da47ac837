package ru.yavka.reminder.support;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

import ru.yavka.contracts.events.EventMeta;
import ru.yavka.contracts.events.ReminderDue;
import ru.yavka.contracts.events.YavkaEvent;
import ru.yavka.contracts.kafka.EventSerializer;
import ru.yavka.contracts.kafka.Topics;
import ru.yavka.contracts.testing.EventTap;

/**
 * What the telegram-gateway would receive: every ReminderDue of this run. {@link #sync()}
 * proves absence without waiting for a timeout: it writes a barrier record into every
 * partition after the dispatcher's sends were acknowledged, and returns once each barrier
 * has been read, so everything published before it has been read too.
 */
public final class ReminderInbox implements AutoCloseable {

    static final String BARRIER = "TEST_BARRIER";

    private final EventTap tap;
    private final KafkaProducer<String, YavkaEvent> producer;
    private final String topic;

    private ReminderInbox(String bootstrap, String prefix) {
        this.tap = EventTap.on(bootstrap, prefix);
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new EventSerializer());
        this.topic = prefix + Topics.REMINDER_DUE;
    }

    public static ReminderInbox open() {
        return new ReminderInbox(Events.config("kafka.bootstrap.servers"), Events.config("yavka.kafka.topic-prefix"));
    }

    /** Every ReminderDue published so far (barriers left out), in the order read. */
    public List<ReminderDue> sync() {
        Set<String> barriers = new HashSet<>();
        try {
            int partitions = producer.partitionsFor(topic).size();
            for (int p = 0; p < partitions; p++) {
                UUID id = UUID.randomUUID();
                String key = "barrier:" + id;
                ReminderDue barrier = new ReminderDue(EventMeta.next(id.toString(), 1, Instant.now()), key, id, id,
                        BARRIER, Instant.now(), "none", Map.of(), List.of());
                producer.send(new ProducerRecord<>(topic, p, id.toString(), barrier)).get(30, TimeUnit.SECONDS);
                barriers.add(key);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not write the barriers", e);
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> tap.events(ReminderDue.class, r -> barriers.contains(r.idempotencyKey())).size()
                        == barriers.size());
        return tap.events(ReminderDue.class, r -> !BARRIER.equals(r.touchKind()));
    }

    public List<ReminderDue> sync(UUID appointmentId) {
        return sync().stream().filter(r -> r.appointmentId().equals(appointmentId)).toList();
    }

    /** Events of other types seen on the run's topics (e.g. DataAccessed), without a barrier. */
    public EventTap tap() {
        return tap;
    }

    @Override
    public void close() throws InterruptedException {
        producer.close();
        tap.close();
    }
}
