package ru.yavka.audit.service.export;

import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import ru.yavka.audit.client.Reply;
import ru.yavka.audit.client.ReminderClient;

/** What reminder-service holds about a patient: the reminder timeline of each of their appointments. */
@ApplicationScoped
public class ReminderRecords {

    static final String SERVICE = "reminder-service";

    private final ReminderClient reminders;

    public ReminderRecords(ReminderClient reminders) {
        this.reminders = reminders;
    }

    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "unavailable")
    public Uni<Section> of(List<UUID> appointmentIds, String bearer) {
        // One at a time: a patient has a handful of appointments, and reminder-service is not flooded.
        return Multi.createFrom().iterable(appointmentIds)
                .onItem().transformToUniAndConcatenate(id -> reminders.timeline(id, bearer)
                        .map(reply -> Map.entry(id, reply)))
                .collect().asList()
                .map(replies -> {
                    Map<String, Object> timelines = new LinkedHashMap<>();
                    for (Map.Entry<UUID, Reply> reply : replies) {
                        int status = reply.getValue().status();
                        if (status == 404) {
                            timelines.put(reply.getKey().toString(), JsonNodeFactory.instance.arrayNode());
                        } else if (!reply.getValue().ok()) {
                            return Section.unavailable(SERVICE + " refused the request with HTTP " + status
                                    + (status == 403 ? ": it does not admit the caller's role" : ""));
                        } else {
                            timelines.put(reply.getKey().toString(), reply.getValue().body());
                        }
                    }
                    return Section.ok(Map.of("remindersByAppointment", timelines));
                });
    }

    Uni<Section> unavailable(List<UUID> appointmentIds, String bearer) {
        return Uni.createFrom().item(Section.unavailable(SERVICE + " did not answer: unreachable, failing,"
                + " or slower than 15 s"));
    }

    /** The appointment ids of booking's section; empty when booking listed none. */
    static List<UUID> appointmentIds(Section booking) {
        Object appointments = booking.content().get("appointments");
        if (!(appointments instanceof JsonNode list) || !list.isArray()) {
            return List.of();
        }
        return StreamSupport.stream(list.spliterator(), false)
                .map(a -> a.path("id").asText(null))
                .filter(id -> id != null)
                .map(UUID::fromString)
                .toList();
    }
}
