package ru.yavka.telegram.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** What a queued message carries (stored encrypted as JSON until it is delivered). */
final class QueuedMessages {

    static final String REMINDER = "REMINDER";
    static final String WAITLIST_OFFER = "WAITLIST_OFFER";

    private QueuedMessages() {
    }

    /** A reminder with its rendered text and the buttons reminder-service asked for. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Reminder(UUID appointmentId, String touchKind, String text, List<String> buttons, Instant start) {
    }

    /** A waitlist offer; the text is made when it goes out, with the doctor's current name. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Offer(UUID offerId, UUID slotId, UUID doctorId, String specialty, Instant start, Instant expiresAt) {
    }
}
