package ru.yavka.reminder.client;

import java.util.UUID;

import jakarta.ws.rs.POST;
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

/**
 * booking-service, the system of record for appointments. Only transport trouble (5xx,
 * connection errors) is retried and counts against the breaker; a 4xx is booking's answer
 * and goes straight back to the caller as {@link BookingRejection}.
 */
@RegisterRestClient(configKey = "booking")
@RegisterClientHeaders(ServiceTokenHeaders.class)
@Path("/api/appointments")
public interface BookingClient {

    /** Turns the appointment into NO_SHOW; booking-service then emits NoShowDetected and SlotReleased itself. */
    @POST
    @Path("/{id}/no-show")
    @Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = BookingRejection.class)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 15_000, successThreshold = 2,
            skipOn = BookingRejection.class)
    BookingAppointment markNoShow(@PathParam("id") UUID appointmentId);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        if (response.getStatus() >= 500) {
            return new BookingUnavailableException("booking-service answered " + response.getStatus() + ": " + body);
        }
        return new BookingRejection(response.getStatus(), body);
    }
}
