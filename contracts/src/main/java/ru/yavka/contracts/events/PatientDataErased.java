package ru.yavka.contracts.events;

import java.util.List;
import java.util.UUID;

/**
 * One service's confirmation that its part of an erasure is done, which data categories it
 * covered, and why (the erasure request's reason, carried through so that the destruction record
 * names it: a withdrawn consent, or a retention period that ran out). The reason is null in
 * confirmations written before it was added.
 */
public record PatientDataErased(
        EventMeta meta,
        UUID patientId,
        String service,
        List<String> categories,
        String reason) implements YavkaEvent {

    public PatientDataErased {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}
