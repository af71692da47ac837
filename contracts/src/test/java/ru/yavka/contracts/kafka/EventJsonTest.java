package ru.yavka.contracts.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import ru.yavka.contracts.events.AppointmentBooked;
import ru.yavka.contracts.events.YavkaEvent;

class EventJsonTest {

    @Test
    void everyEventHasATopicAndSurvivesJson() {
        assertThat(Topics.ALL).hasSize(YavkaEvent.class.getPermittedSubclasses().length);
        for (YavkaEvent event : SampleEvents.oneOfEach()) {
            String topic = Topics.of(event);
            assertThat(topic).isEqualTo(event.getClass().getSimpleName());
            YavkaEvent back = new EventDeserializer().deserialize("run1." + topic,
                    new EventSerializer().serialize(topic, event));
            assertThat(back).isEqualTo(event);
        }
    }

    @Test
    void instantsAreWrittenAsIsoUtc() {
        String json = EventJson.toJson(SampleEvents.booked(1));
        assertThat(json).contains("\"start\":\"" + SampleEvents.START + "\"");
        assertThat(json).contains("\"aggregateVersion\":1").contains("\"schemaVersion\":1");
    }

    @Test
    void newerSchemaWithUnknownFieldsIsStillRead() {
        AppointmentBooked booked = SampleEvents.booked(1);
        String json = EventJson.toJson(booked).replaceFirst("\\{", "{\"addedLater\":42,");
        assertThat(EventJson.fromJson(json, AppointmentBooked.class)).isEqualTo(booked);
    }

    @Test
    void unknownTopicAndBrokenJsonAreRefusedClearly() {
        assertThatThrownBy(() -> new EventDeserializer().deserialize("Unknown", "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("Unknown");
        assertThatThrownBy(() -> new EventDeserializer().deserialize(Topics.APPOINTMENT_BOOKED,
                "{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("AppointmentBooked");
    }
}
