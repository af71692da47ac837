package ru.yavka.reminder.rest;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.annotation.JsonInclude;

import ru.yavka.reminder.repository.Touch;

/**
 * One touch of an appointment's timeline. Times are ISO-8601 UTC; the {@code *Moscow}
 * fields show the same moment in the clinic's zone for display.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TouchView(String kind, String dueAt, String dueAtMoscow, String status, String sentAt,
        String sentAtMoscow, String answer, String reason) {

    public static TouchView of(Touch touch, ZoneId displayZone) {
        return new TouchView(touch.kind, utc(touch.dueAt), local(touch.dueAt, displayZone), touch.status.name(),
                utc(touch.sentAt), local(touch.sentAt, displayZone), touch.answer, touch.reason);
    }

    private static String utc(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String local(Instant instant, ZoneId zone) {
        return instant == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone));
    }
}
