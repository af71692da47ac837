package ru.yavka.contracts.kafka;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import ru.yavka.contracts.events.AppointmentArrived;
import ru.yavka.contracts.events.AppointmentBooked;
import ru.yavka.contracts.events.AppointmentCancelled;
import ru.yavka.contracts.events.AppointmentConfirmed;
import ru.yavka.contracts.events.AppointmentRescheduled;
import ru.yavka.contracts.events.DataAccessed;
import ru.yavka.contracts.events.NoShowDetected;
import ru.yavka.contracts.events.PatientDataErased;
import ru.yavka.contracts.events.PatientErasureRequested;
import ru.yavka.contracts.events.ReminderDue;
import ru.yavka.contracts.events.SlotReleased;
import ru.yavka.contracts.events.WaitlistOffered;
import ru.yavka.contracts.events.YavkaEvent;

/**
 * One topic per event type, named after the event. A deployment (or a test run) may put a
 * prefix in front, separated by a dot: {@code run42.AppointmentBooked}.
 */
public final class Topics {

    public static final String APPOINTMENT_BOOKED = "AppointmentBooked";
    public static final String APPOINTMENT_CONFIRMED = "AppointmentConfirmed";
    public static final String APPOINTMENT_CANCELLED = "AppointmentCancelled";
    public static final String APPOINTMENT_RESCHEDULED = "AppointmentRescheduled";
    public static final String APPOINTMENT_ARRIVED = "AppointmentArrived";
    public static final String SLOT_RELEASED = "SlotReleased";
    public static final String REMINDER_DUE = "ReminderDue";
    public static final String NO_SHOW_DETECTED = "NoShowDetected";
    public static final String WAITLIST_OFFERED = "WaitlistOffered";
    public static final String DATA_ACCESSED = "DataAccessed";
    public static final String PATIENT_ERASURE_REQUESTED = "PatientErasureRequested";
    public static final String PATIENT_DATA_ERASED = "PatientDataErased";

    /** Event type per topic, and the partition count a production topic gets. */
    public record TopicSpec(String name, Class<? extends YavkaEvent> eventType, int partitions) {
    }

    public static final List<TopicSpec> ALL = List.of(
            new TopicSpec(APPOINTMENT_BOOKED, AppointmentBooked.class, 6),
            new TopicSpec(APPOINTMENT_CONFIRMED, AppointmentConfirmed.class, 6),
            new TopicSpec(APPOINTMENT_CANCELLED, AppointmentCancelled.class, 6),
            new TopicSpec(APPOINTMENT_RESCHEDULED, AppointmentRescheduled.class, 6),
            new TopicSpec(APPOINTMENT_ARRIVED, AppointmentArrived.class, 6),
            new TopicSpec(SLOT_RELEASED, SlotReleased.class, 3),
            new TopicSpec(REMINDER_DUE, ReminderDue.class, 6),
            new TopicSpec(NO_SHOW_DETECTED, NoShowDetected.class, 3),
            new TopicSpec(WAITLIST_OFFERED, WaitlistOffered.class, 3),
            new TopicSpec(DATA_ACCESSED, DataAccessed.class, 6),
            new TopicSpec(PATIENT_ERASURE_REQUESTED, PatientErasureRequested.class, 3),
            new TopicSpec(PATIENT_DATA_ERASED, PatientDataErased.class, 3));

    private static final Map<String, TopicSpec> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(TopicSpec::name, Function.identity()));
    private static final Map<Class<?>, TopicSpec> BY_TYPE =
            ALL.stream().collect(Collectors.toUnmodifiableMap(TopicSpec::eventType, Function.identity()));

    private Topics() {
    }

    public static String of(Class<? extends YavkaEvent> eventType) {
        return BY_TYPE.get(eventType).name();
    }

    public static String of(YavkaEvent event) {
        return of(event.getClass());
    }

    /** The event type carried by a topic, with or without a deployment prefix. */
    public static Optional<Class<? extends YavkaEvent>> eventType(String topic) {
        String bare = topic.substring(topic.lastIndexOf('.') + 1);
        return Optional.ofNullable(BY_NAME.get(bare)).map(TopicSpec::eventType);
    }
}
