package ru.yavka.notification.service;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import ru.yavka.contracts.events.AppointmentArrived;
import ru.yavka.contracts.events.AppointmentBooked;
import ru.yavka.contracts.events.AppointmentCancelled;
import ru.yavka.contracts.events.AppointmentConfirmed;
import ru.yavka.contracts.events.AppointmentRescheduled;
import ru.yavka.contracts.events.NoShowDetected;
import ru.yavka.contracts.events.SlotReleased;
import ru.yavka.contracts.events.WaitlistOffered;
import ru.yavka.contracts.events.YavkaEvent;

/**
 * A change the open PWA pages should show without a reload. Ids and times only: the page
 * fetches whatever else it shows through the API, with the user's own rights.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LiveEvent(String type, UUID appointmentId, UUID slotId, UUID doctorId, OffsetDateTime start,
        String status, String source, UUID offerId, OffsetDateTime at) {

    /** Null for an event the pages have no use for. */
    public static LiveEvent of(YavkaEvent event, ZoneId zone) {
        OffsetDateTime at = local(event.meta().occurredAt(), zone);
        String type = event.getClass().getSimpleName();
        if (event instanceof AppointmentBooked e) {
            return new LiveEvent(type, e.appointmentId(), e.slotId(), e.doctorId(), local(e.start(), zone), "BOOKED",
                    e.source() == null ? null : e.source().name(), null, at);
        }
        if (event instanceof AppointmentConfirmed e) {
            return new LiveEvent(type, e.appointmentId(), null, null, local(e.start(), zone), "CONFIRMED", null, null,
                    at);
        }
        if (event instanceof AppointmentCancelled e) {
            return new LiveEvent(type, e.appointmentId(), e.slotId(), e.doctorId(), local(e.start(), zone),
                    "CANCELLED", null, null, at);
        }
        if (event instanceof AppointmentRescheduled e) {
            return new LiveEvent(type, e.appointmentId(), e.oldSlotId(), null, local(e.oldStart(), zone),
                    "RESCHEDULED", null, null, at);
        }
        if (event instanceof AppointmentArrived e) {
            return new LiveEvent(type, e.appointmentId(), null, null, local(e.start(), zone), "ARRIVED", null, null,
                    at);
        }
        if (event instanceof NoShowDetected e) {
            return new LiveEvent(type, e.appointmentId(), e.slotId(), e.doctorId(), local(e.start(), zone), "NO_SHOW",
                    null, null, at);
        }
        if (event instanceof WaitlistOffered e) {
            return new LiveEvent(type, null, e.slotId(), e.doctorId(), local(e.start(), zone), null, null, e.offerId(),
                    at);
        }
        if (event instanceof SlotReleased e) {
            return new LiveEvent(type, null, e.slotId(), e.doctorId(), local(e.start(), zone), null, null, null, at);
        }
        return null;
    }

    private static OffsetDateTime local(java.time.Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
