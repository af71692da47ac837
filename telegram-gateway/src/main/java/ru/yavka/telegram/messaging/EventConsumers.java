package ru.yavka.telegram.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;
import ru.yavka.contracts.events.DataAccessed;
import ru.yavka.contracts.events.ReminderDue;
import ru.yavka.contracts.events.WaitlistOffered;
import ru.yavka.telegram.repository.OutgoingQueue;
import ru.yavka.telegram.repository.OutgoingQueue.Item;
import ru.yavka.telegram.service.AuditTrail;
import ru.yavka.telegram.service.Texts;

/**
 * ReminderDue and WaitlistOffered become rows of the durable outgoing queue. The methods return
 * only once the rows are committed, and SmallRye commits a Kafka offset only after its record's
 * method returned: a restart mid-burst loses nothing, and a redelivered event is recognized by
 * its idempotency key and not queued (nor sent) again.
 */
@ApplicationScoped
public class EventConsumers {

    private static final Logger LOG = Logger.getLogger(EventConsumers.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    static final String PURPOSE_REMINDER = "appointment-reminder";
    static final String PURPOSE_OFFER = "waitlist-offer";

    private final OutgoingQueue queue;
    private final OutgoingSender sender;
    private final AuditTrail audit;
    private final Texts texts;
    private final ObjectMapper json;
    private final Clock clock;

    public EventConsumers(OutgoingQueue queue, OutgoingSender sender, AuditTrail audit, Texts texts,
            ObjectMapper json, Clock clock) {
        this.queue = queue;
        this.sender = sender;
        this.audit = audit;
        this.texts = texts;
        this.json = json;
        this.clock = clock;
    }

    @Incoming("reminder-due")
    @Blocking
    public void reminders(List<ReminderDue> batch) {
        List<Item> items = batch.stream().filter(Objects::nonNull).map(this::item).toList();
        if (batch.size() != items.size()) {
            LOG.warnf("%d unreadable ReminderDue record(s) skipped", batch.size() - items.size());
        }
        store(items, PURPOSE_REMINDER);
    }

    @Incoming("waitlist-offered")
    @Blocking
    public void offers(WaitlistOffered offer) {
        if (offer == null) {
            LOG.warn("an unreadable WaitlistOffered record skipped");
            return;
        }
        QueuedMessages.Offer payload = new QueuedMessages.Offer(offer.offerId(), offer.slotId(), offer.doctorId(),
                offer.specialty(), offer.start(), offer.expiresAt());
        store(List.of(new Item("offer:" + offer.offerId(), QueuedMessages.WAITLIST_OFFER, offer.patientId(),
                write(payload))), PURPOSE_OFFER);
    }

    private Item item(ReminderDue due) {
        String text = due.params().get("text");
        if (text == null || text.isBlank()) {
            text = due.template() != null && texts.has(due.template()) ? texts.render(due.template(), due.params())
                    : texts.render("reminder.generic", due.params());
        }
        java.time.Instant start = null;
        try {
            String iso = due.params().get("start");
            start = iso == null ? null : java.time.Instant.parse(iso);
        } catch (java.time.format.DateTimeParseException e) {
            // Without the start the reminder still goes; it just is not checked for lateness.
        }
        String key = due.idempotencyKey() != null && !due.idempotencyKey().isBlank() ? due.idempotencyKey()
                : "reminder-event:" + due.meta().eventId();
        return new Item(key, QueuedMessages.REMINDER, due.patientId(),
                write(new QueuedMessages.Reminder(due.appointmentId(), due.touchKind(), text, due.buttons(), start)));
    }

    /** Keeps trying until the rows are stored: returning earlier would let the offset be committed. */
    private void store(List<Item> items, String purpose) {
        Duration backoff = Duration.ofMillis(100);
        while (true) {
            try {
                Set<String> fresh = queue.enqueue(items, item -> audit.event(AuditTrail.SERVICE, "service",
                        item.patientId(), "telegram-message", item.idempotencyKey(), DataAccessed.Action.CREATE,
                        purpose), clock.instant());
                if (!fresh.isEmpty()) {
                    sender.wake();
                }
                return;
            } catch (RuntimeException e) {
                LOG.warnf("could not queue %d message(s), retrying: %s", items.size(), e.toString());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private String write(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while queueing; the offset stays uncommitted", e);
        }
    }
}
