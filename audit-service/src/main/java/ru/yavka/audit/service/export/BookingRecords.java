package ru.yavka.audit.service.export;

import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.smallrye.mutiny.Uni;
import ru.yavka.audit.client.BookingClient;
import ru.yavka.audit.client.Reply;

/** What booking-service holds about a patient: the patient record, their appointments and waitlist entries. */
@ApplicationScoped
public class BookingRecords {

    static final String SERVICE = "booking-service";

    private final BookingClient booking;

    public BookingRecords(BookingClient booking) {
        this.booking = booking;
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "unavailable")
    public Uni<Section> of(UUID patientId, String bearer) {
        return booking.patient(patientId, bearer).chain(patient -> {
            if (patient.status() == 404) {
                return Uni.createFrom().item(new Section(Section.NOT_FOUND,
                        SERVICE + " holds no patient with this id", Map.of()));
            }
            if (!patient.ok() && patient.status() != 410) {
                return Uni.createFrom().item(refused(patient));
            }
            // Both lists at once: each is its own read, and the section's timeout covers them all.
            return Uni.combine().all()
                    .unis(booking.appointments(patientId, bearer), booking.waitlist(patientId, bearer))
                    .with((appointments, waitlist) -> section(patientId, patient, appointments, waitlist));
        });
    }

    /** An erased patient (410) has no personal data left, but the appointments and waitlist stay on record. */
    private static Section section(UUID patientId, Reply patient, Reply appointments, Reply waitlist) {
        if (!appointments.ok()) {
            return refused(appointments);
        }
        if (!waitlist.ok()) {
            return refused(waitlist);
        }
        Map<String, Object> content = new LinkedHashMap<>();
        if (patient.ok()) {
            content.put("patient", patient.body());
        }
        content.put("appointments", appointments.body());
        content.put("waitlist", ownEntries(waitlist.body(), patientId));
        return patient.ok() ? Section.ok(content) : new Section(Section.ERASED,
                SERVICE + " erased the patient's personal data", content);
    }

    /**
     * A booking-service older than the patientId filter ignores it and lists everyone who waits;
     * none of them may end up in this patient's export.
     */
    private static JsonNode ownEntries(JsonNode entries, UUID patientId) {
        ArrayNode own = JsonNodeFactory.instance.arrayNode();
        if (entries != null && entries.isArray()) {
            entries.forEach(e -> {
                if (patientId.toString().equals(e.path("patientId").asText())) {
                    own.add(e);
                }
            });
        }
        return own;
    }

    Uni<Section> unavailable(UUID patientId, String bearer) {
        return Uni.createFrom().item(Section.unavailable(SERVICE + " did not answer: unreachable, failing,"
                + " or slower than 10 s"));
    }

    private static Section refused(Reply reply) {
        return Section.unavailable(SERVICE + " refused the request with HTTP " + reply.status()
                + (reply.status() == 403 ? ": it does not admit the caller's role" : ""));
    }
}
