package ru.yavka.reminder.support;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import ru.yavka.contracts.events.AppointmentArrived;
import ru.yavka.contracts.events.AppointmentBooked;
import ru.yavka.contracts.events.AppointmentCancelled;
import ru.yavka.contracts.events.AppointmentConfirmed;
import ru.yavka.contracts.events.AppointmentRescheduled;
import ru.yavka.contracts.events.AppointmentSource;
import ru.yavka.contracts.events.EventMeta;
import ru.yavka.contracts.events.YavkaEvent;
import ru.yavka.contracts.kafka.EventSerializer;
import ru.yavka.contracts.kafka.Topics;

/** booking-service's side of the conversation: appointment events into this run's topics, as it sends them. */
public final class Events implements AutoCloseable {

    public static final String DOCTOR = "Иванова Анна Петровна";
    public static final String ADDRESS = "Москва, ул. Тверская, 7";

    private final KafkaProducer<String, YavkaEvent> producer;
    private final String prefix;

    private Events(String bootstrap, String prefix) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new EventSerializer());
        this.prefix = prefix;
    }

    public static Events forRun() {
        return new Events(config("kafka.bootstrap.servers"), config("yavka.kafka.topic-prefix"));
    }

    static String config(String name) {
        return ConfigProvider.getConfig().getValue(name, String.class);
    }

    /** Sends and waits for the broker's ack; keyed by the aggregate, as booking-service does. */
    public <T extends YavkaEvent> T send(T event) {
        try {
            producer.send(new ProducerRecord<>(prefix + Topics.of(event), event.meta().aggregateId(), event))
                    .get(30, TimeUnit.SECONDS);
            return event;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not send " + event, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }

    /** One appointment's facts, and its events at given aggregate versions. */
    public record Appointment(UUID id, UUID patientId, UUID slotId, UUID doctorId, Instant start) {

        public static Appointment at(Instant start) {
            return new Appointment(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), start);
        }

        private EventMeta meta(long version, Instant occurredAt) {
            return EventMeta.next(id.toString(), version, occurredAt);
        }

        public AppointmentBooked booked(Instant occurredAt) {
            return new AppointmentBooked(meta(1, occurredAt), id, patientId, slotId, doctorId, DOCTOR, "cardiologist",
                    ADDRESS, start, 30, AppointmentSource.TELEGRAM, "patient:" + patientId);
        }

        public AppointmentConfirmed confirmed(long version, Instant occurredAt) {
            return new AppointmentConfirmed(meta(version, occurredAt), id, patientId, start, "patient:" + patientId);
        }

        public AppointmentCancelled cancelled(long version, Instant occurredAt) {
            return new AppointmentCancelled(meta(version, occurredAt), id, patientId, slotId, doctorId, "cardiologist",
                    start, "Пациент заболел", "patient:" + patientId);
        }

        /** The reschedule of this appointment into {@code to}; booking-service also sends {@code to.booked(...)}. */
        public AppointmentRescheduled rescheduledTo(Appointment to, long version, Instant occurredAt) {
            return new AppointmentRescheduled(meta(version, occurredAt), id, to.id(), patientId, slotId, to.slotId(),
                    doctorId, "cardiologist", start, to.start(), "patient:" + patientId);
        }

        public AppointmentArrived arrived(long version, Instant occurredAt) {
            return new AppointmentArrived(meta(version, occurredAt), id, patientId, start, "registrar@clinic");
        }

        /** The appointment that a reschedule creates: same patient and doctor, new id and slot. */
        public Appointment movedTo(Instant newStart) {
            return new Appointment(UUID.randomUUID(), patientId, UUID.randomUUID(), doctorId, newStart);
        }
    }
}
