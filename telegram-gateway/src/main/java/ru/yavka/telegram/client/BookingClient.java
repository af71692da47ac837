package ru.yavka.telegram.client;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import ru.yavka.telegram.client.BookingViews.AcceptOffer;
import ru.yavka.telegram.client.BookingViews.Appointment;
import ru.yavka.telegram.client.BookingViews.Book;
import ru.yavka.telegram.client.BookingViews.Cancel;
import ru.yavka.telegram.client.BookingViews.Doctor;
import ru.yavka.telegram.client.BookingViews.Hold;
import ru.yavka.telegram.client.BookingViews.HoldRequest;
import ru.yavka.telegram.client.BookingViews.NewPatient;
import ru.yavka.telegram.client.BookingViews.Patient;
import ru.yavka.telegram.client.BookingViews.Reschedule;
import ru.yavka.telegram.client.BookingViews.Slot;
import ru.yavka.telegram.client.BookingViews.Specialty;
import ru.yavka.telegram.client.BookingViews.TelegramLink;
import ru.yavka.telegram.client.BookingViews.WaitlistEntry;
import ru.yavka.telegram.client.BookingViews.WaitlistJoin;

/**
 * booking-service, the system of record. Only transport trouble (5xx, connection errors) is
 * retried and counts against the breaker; a 4xx is booking's answer and comes back as
 * {@link ServiceRejection}. Repeating a POST after a lost answer is safe: booking answers 409
 * for a slot already ours, and the callers check that case.
 */
@RegisterRestClient(configKey = "booking")
@RegisterClientHeaders(ServiceTokenHeaders.class)
@Path("/api")
@Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
@Consumes(MediaType.APPLICATION_JSON)
@Retry(maxRetries = 2, delay = 200, jitter = 100, abortOn = ServiceRejection.class)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, successThreshold = 2,
        skipOn = ServiceRejection.class)
public interface BookingClient {

    @GET
    @Path("/specialties")
    List<Specialty> specialties();

    @GET
    @Path("/doctors")
    List<Doctor> doctors(@QueryParam("specialty") String specialty);

    @GET
    @Path("/doctors/{id}")
    Doctor doctor(@PathParam("id") UUID id);

    @GET
    @Path("/slots")
    List<Slot> freeSlots(@QueryParam("specialty") String specialty, @QueryParam("doctorId") UUID doctorId,
            @QueryParam("from") String from, @QueryParam("to") String to);

    @GET
    @Path("/slots/{id}")
    Slot slot(@PathParam("id") UUID id);

    @POST
    @Path("/slots/{id}/hold")
    Hold hold(@PathParam("id") UUID slotId, HoldRequest request);

    @DELETE
    @Path("/slots/{id}/hold")
    void release(@PathParam("id") UUID slotId, @QueryParam("holder") String holder);

    @POST
    @Path("/patients")
    Patient register(NewPatient patient);

    @GET
    @Path("/patients/{id}")
    Patient patient(@PathParam("id") UUID id);

    @GET
    @Path("/patients/lookup")
    Patient lookupByPhone(@QueryParam("phone") String phone);

    @GET
    @Path("/patients/lookup")
    Patient lookupByChat(@QueryParam("telegramChatId") String telegramChatId);

    @POST
    @Path("/patients/{id}/telegram")
    Patient linkTelegram(@PathParam("id") UUID patientId, TelegramLink link);

    @POST
    @Path("/appointments")
    Appointment book(Book request);

    @GET
    @Path("/appointments")
    List<Appointment> appointmentsOf(@QueryParam("patientId") UUID patientId);

    @GET
    @Path("/appointments/{id}")
    Appointment appointment(@PathParam("id") UUID id);

    @POST
    @Path("/appointments/{id}/confirm")
    Appointment confirm(@PathParam("id") UUID id);

    @POST
    @Path("/appointments/{id}/cancel")
    Appointment cancel(@PathParam("id") UUID id, Cancel request);

    /** Answers with the new appointment; the old one ends RESCHEDULED. */
    @POST
    @Path("/appointments/{id}/reschedule")
    Appointment reschedule(@PathParam("id") UUID id, Reschedule request);

    @POST
    @Path("/waitlist")
    WaitlistEntry joinWaitlist(WaitlistJoin request);

    @POST
    @Path("/waitlist/offers/{id}/accept")
    Appointment acceptOffer(@PathParam("id") UUID offerId, AcceptOffer request);

    @POST
    @Path("/waitlist/offers/{id}/decline")
    Response declineOffer(@PathParam("id") UUID offerId);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return Problems.of("booking-service", response);
    }
}
