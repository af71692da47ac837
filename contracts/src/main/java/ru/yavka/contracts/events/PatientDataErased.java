package ru.yavka.contracts.events;

import java.util.List;
import java.util.UUID;

/** One service's confirmation that its part of an erasure is done, and which data categories it covered. */
public record PatientDataErased(
        EventMeta meta,
        UUID patientId,
        String service,
        List<String> categories) implements YavkaEvent {

    public PatientDataErased {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}
