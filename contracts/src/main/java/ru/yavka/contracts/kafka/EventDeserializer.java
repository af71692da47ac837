package ru.yavka.contracts.kafka;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

import ru.yavka.contracts.events.YavkaEvent;

/** Reads any event; the topic name says which type it is. */
public class EventDeserializer implements Deserializer<YavkaEvent> {

    @Override
    public YavkaEvent deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        Class<? extends YavkaEvent> type = Topics.eventType(topic)
                .orElseThrow(() -> new SerializationException("no event type is known for topic " + topic));
        try {
            return EventJson.fromBytes(data, type);
        } catch (IllegalArgumentException e) {
            throw new SerializationException(e.getMessage(), e);
        }
    }
}
