package ru.yavka.contracts.kafka;

import org.apache.kafka.common.serialization.Serializer;

import ru.yavka.contracts.events.YavkaEvent;

public class EventSerializer implements Serializer<YavkaEvent> {

    @Override
    public byte[] serialize(String topic, YavkaEvent event) {
        return event == null ? null : EventJson.toBytes(event);
    }
}
