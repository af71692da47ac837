package ru.yavka.audit.client;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

/** reminder-service's timeline of one appointment, read with the caller's own token. */
@RegisterRestClient(configKey = "reminder")
@Path("/api/reminders")
public interface ReminderApi {

    @GET
    Uni<JsonNode> timeline(@QueryParam("appointmentId") UUID appointmentId,
            @HeaderParam("Authorization") String authorization, @HeaderParam(Purpose.HEADER) String purpose);
}
