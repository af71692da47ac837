package ru.yavka.audit.client;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;

/**
 * booking-service's read API, as the caller sees it: the caller's own token goes along, so
 * booking records the access under the staff member's name. Bodies stay JSON trees: the export
 * hands the patient what booking holds, in booking's own shape.
 */
@RegisterRestClient(configKey = "booking")
@Path("/api")
public interface BookingApi {

    @GET
    @Path("/patients/{id}")
    Uni<JsonNode> patient(@PathParam("id") UUID id, @HeaderParam("Authorization") String authorization,
            @HeaderParam(Purpose.HEADER) String purpose);

    @GET
    @Path("/appointments")
    Uni<JsonNode> appointments(@QueryParam("patientId") UUID patientId,
            @HeaderParam("Authorization") String authorization, @HeaderParam(Purpose.HEADER) String purpose);

    @GET
    @Path("/waitlist")
    Uni<JsonNode> waitlist(@QueryParam("patientId") UUID patientId,
            @HeaderParam("Authorization") String authorization, @HeaderParam(Purpose.HEADER) String purpose);
}
