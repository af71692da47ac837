package ru.yavka.reminder.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

import ru.yavka.reminder.config.ReminderConfig;
import ru.yavka.reminder.service.TimelineService;

@Path("/api/reminders")
@Produces(MediaType.APPLICATION_JSON)
public class RemindersResource {

    static final List<String> STAFF_ROLES = List.of("registrar", "doctor", "admin", "service");

    private final TimelineService timeline;
    private final SecurityIdentity identity;
    private final ReminderConfig config;

    public RemindersResource(TimelineService timeline, SecurityIdentity identity, ReminderConfig config) {
        this.timeline = timeline;
        this.identity = identity;
        this.config = config;
    }

    @GET
    // The auditor reads timelines only to answer a patient's access request (152-FZ Art. 14).
    @RolesAllowed({"registrar", "doctor", "admin", "service", "auditor"})
    @Operation(summary = "The reminder timeline of an appointment: every touch, its status and the answer to it")
    public Uni<List<TouchView>> timeline(
            @Parameter(description = "Appointment id (UUID)", required = true) @QueryParam("appointmentId") String appointmentId) {
        UUID id = parseAppointmentId(appointmentId);
        String role = STAFF_ROLES.stream().filter(identity::hasRole).findFirst().orElse("unknown");
        return timeline.timeline(id, identity.getPrincipal().getName(), role)
                .map(touches -> touches.stream().map(t -> TouchView.of(t, config.zone())).toList());
    }

    private static UUID parseAppointmentId(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidParameterException("appointmentId", "appointmentId is required");
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("appointmentId", "appointmentId must be a UUID, got '" + value + "'");
        }
    }
}
