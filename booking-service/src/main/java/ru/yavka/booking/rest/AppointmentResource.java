package ru.yavka.booking.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import ru.yavka.booking.rest.Views.AppointmentView;
import ru.yavka.booking.rest.Views.ChangeView;
import ru.yavka.booking.service.AppointmentService;
import ru.yavka.booking.service.BookingProblem;

@Path("/api/appointments")
@Tag(name = "appointments", description = "Booking and the appointment's life")
@RolesAllowed({Roles.ADMIN, Roles.REGISTRAR, Roles.SERVICE})
public class AppointmentResource {

    private final AppointmentService appointments;
    private final CurrentActor actor;

    public AppointmentResource(AppointmentService appointments, CurrentActor actor) {
        this.appointments = appointments;
        this.actor = actor;
    }

    /** 201 with the appointment, or 409 when the slot was taken first. */
    @POST
    public Uni<Response> book(@NotNull @Valid BookingRequests.Book request) {
        return appointments.book(request.patientId(), request.slotId(), request.source(), request.holder(),
                        actor.get())
                .map(a -> Response.status(201).entity(AppointmentView.of(a)).build());
    }

    /** By patient, by day (clinic time), by doctor, or by doctor and day. */
    @GET
    @RolesAllowed({Roles.ADMIN, Roles.REGISTRAR, Roles.DOCTOR, Roles.SERVICE, Roles.AUDITOR})
    public Uni<List<AppointmentView>> search(@QueryParam("patientId") String patientId,
            @QueryParam("date") String date, @QueryParam("doctorId") String doctorId) {
        UUID patient = Ids.uuid(patientId, "patientId");
        UUID doctor = Ids.uuid(doctorId, "doctorId");
        LocalDate day = Ids.date(date, "date");
        if (patient == null && doctor == null && day == null) {
            throw BookingProblem.badRequest("patientId", "give patientId, date or doctorId");
        }
        return appointments.search(patient, doctor, day, actor.get())
                .map(list -> list.stream().map(AppointmentView::of).toList());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.REGISTRAR, Roles.DOCTOR, Roles.SERVICE})
    public Uni<AppointmentView> get(@PathParam("id") String id) {
        return appointments.get(Ids.requiredUuid(id, "id"), actor.get()).map(AppointmentView::of);
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.ADMIN, Roles.REGISTRAR, Roles.DOCTOR, Roles.SERVICE})
    public Uni<List<ChangeView>> history(@PathParam("id") String id) {
        return appointments.history(Ids.requiredUuid(id, "id"), actor.get())
                .map(list -> list.stream().map(ChangeView::of).toList());
    }

    @POST
    @Path("/{id}/confirm")
    public Uni<AppointmentView> confirm(@PathParam("id") String id) {
        return appointments.confirm(Ids.requiredUuid(id, "id"), actor.get()).map(AppointmentView::of);
    }

    @POST
    @Path("/{id}/cancel")
    public Uni<AppointmentView> cancel(@PathParam("id") String id, @NotNull @Valid BookingRequests.Cancel request) {
        return appointments.cancel(Ids.requiredUuid(id, "id"), request.reason().strip(), actor.get())
                .map(AppointmentView::of);
    }

    /** Answers with the new appointment; the old one ends RESCHEDULED and links to it. */
    @POST
    @Path("/{id}/reschedule")
    public Uni<AppointmentView> reschedule(@PathParam("id") String id,
            @NotNull @Valid BookingRequests.Reschedule request) {
        return appointments.reschedule(Ids.requiredUuid(id, "id"), request.slotId(), actor.get())
                .map(AppointmentView::of);
    }

    @POST
    @Path("/{id}/arrive")
    @RolesAllowed({Roles.ADMIN, Roles.REGISTRAR, Roles.DOCTOR, Roles.SERVICE})
    public Uni<AppointmentView> arrive(@PathParam("id") String id) {
        return appointments.arrive(Ids.requiredUuid(id, "id"), actor.get()).map(AppointmentView::of);
    }

    @POST
    @Path("/{id}/no-show")
    @RolesAllowed({Roles.ADMIN, Roles.REGISTRAR, Roles.DOCTOR, Roles.SERVICE})
    public Uni<AppointmentView> noShow(@PathParam("id") String id) {
        return appointments.noShow(Ids.requiredUuid(id, "id"), actor.get()).map(AppointmentView::of);
    }

    @POST
    @Path("/{id}/complete")
    @RolesAllowed({Roles.ADMIN, Roles.DOCTOR, Roles.SERVICE})
    public Uni<AppointmentView> complete(@PathParam("id") String id) {
        return appointments.complete(Ids.requiredUuid(id, "id"), actor.get()).map(AppointmentView::of);
    }
}
