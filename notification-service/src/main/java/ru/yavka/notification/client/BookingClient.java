package ru.yavka.notification.client;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;

/**
 * booking-service's catalogue, read with this service's own token to word staff alerts
 * (events carry the doctor's id, people want the name). A 4xx is booking's answer: it is not
 * retried and does not count against the breaker.
 */
@RegisterRestClient(configKey = "booking")
@RegisterClientHeaders(ServiceTokenHeaders.class)
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public interface BookingClient {

    record Doctor(UUID id, String fullName, String specialty) {
    }

    record Specialty(String code, String name) {
    }

    @GET
    @Path("/doctors/{id}")
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = BookingRejection.class)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 15_000, successThreshold = 2,
            skipOn = BookingRejection.class)
    Uni<Doctor> doctor(@PathParam("id") UUID id);

    @GET
    @Path("/specialties")
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = BookingRejection.class)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 15_000, successThreshold = 2,
            skipOn = BookingRejection.class)
    Uni<List<Specialty>> specialties();

    /** Only transport trouble (5xx, no answer) is retried and counts against the breaker. */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        if (response.getStatus() >= 500) {
            return null;
        }
        return new BookingRejection(response.getStatus(), response.hasEntity() ? response.readEntity(String.class) : "");
    }
}
