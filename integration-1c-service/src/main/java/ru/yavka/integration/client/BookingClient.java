package ru.yavka.integration.client;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
 * booking-service, the system of record for doctors, slots and appointments. Every call here
 * is idempotent (creating a doctor or slot twice is refused by its external id or time), so
 * transport trouble is retried; a 4xx is booking's answer and is neither retried nor counted.
 */
@RegisterRestClient(configKey = "booking")
@RegisterClientHeaders(ServiceTokenHeaders.class)
@Path("/api")
@Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
@Consumes(MediaType.APPLICATION_JSON)
public interface BookingClient {

    @GET
    @Path("/doctors")
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = BookingRejection.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, skipOn = BookingRejection.class)
    List<BookingApi.Doctor> doctors();

    @GET
    @Path("/doctors/{id}")
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = BookingRejection.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, skipOn = BookingRejection.class)
    BookingApi.Doctor doctor(@PathParam("id") UUID id);

    @POST
    @Path("/doctors")
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = BookingRejection.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, skipOn = BookingRejection.class)
    BookingApi.Doctor addDoctor(BookingApi.NewDoctor doctor);

    @POST
    @Path("/doctors/{id}/slots")
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = BookingRejection.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, skipOn = BookingRejection.class)
    BookingApi.Slot addSlot(@PathParam("id") UUID doctorId, BookingApi.NewSlot slot);

    @GET
    @Path("/appointments/{id}")
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = BookingRejection.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, skipOn = BookingRejection.class)
    BookingApi.Appointment appointment(@PathParam("id") UUID id);

    @POST
    @Path("/appointments/{id}/arrive")
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = BookingRejection.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, skipOn = BookingRejection.class)
    BookingApi.Appointment arrive(@PathParam("id") UUID id);

    @POST
    @Path("/appointments/{id}/complete")
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = BookingRejection.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, skipOn = BookingRejection.class)
    BookingApi.Appointment complete(@PathParam("id") UUID id);

    /** Personal data; the caller records DataAccessed. */
    @GET
    @Path("/patients/{id}")
    @Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = BookingRejection.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, skipOn = BookingRejection.class)
    BookingApi.Patient patient(@PathParam("id") UUID id);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        if (response.getStatus() >= 500) {
            return new BookingUnavailable("booking-service answered " + response.getStatus());
        }
        return new BookingRejection(response.getStatus(), body);
    }
}
