package ru.yavka.booking.rest;

import java.util.Arrays;
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
import ru.yavka.booking.rest.Views.DoctorView;
import ru.yavka.booking.rest.Views.SlotView;
import ru.yavka.booking.rest.Views.SpecialtyView;
import ru.yavka.booking.service.DoctorRequest;
import ru.yavka.booking.service.ScheduleRequest;
import ru.yavka.booking.service.ScheduleService;
import ru.yavka.booking.service.SlotRequest;
import ru.yavka.contracts.events.Specialty;

@Path("/api")
@Tag(name = "schedule", description = "Specialties, doctors and their slots")
@RolesAllowed({Roles.ADMIN, Roles.REGISTRAR, Roles.DOCTOR, Roles.SERVICE})
public class CatalogResource {

    private final ScheduleService schedule;

    public CatalogResource(ScheduleService schedule) {
        this.schedule = schedule;
    }

    @GET
    @Path("/specialties")
    public List<SpecialtyView> specialties() {
        return Arrays.stream(Specialty.values()).map(SpecialtyView::of).toList();
    }

    @GET
    @Path("/doctors")
    public Uni<List<DoctorView>> doctors(@QueryParam("specialty") String specialty) {
        return schedule.listDoctors(specialty).map(list -> list.stream().map(DoctorView::of).toList());
    }

    @GET
    @Path("/doctors/{id}")
    public Uni<DoctorView> doctor(@PathParam("id") String id) {
        return schedule.doctor(Ids.requiredUuid(id, "id")).map(DoctorView::of);
    }

    @POST
    @Path("/doctors")
    @RolesAllowed({Roles.ADMIN, Roles.REGISTRAR, Roles.SERVICE})
    public Uni<Response> addDoctor(@NotNull @Valid DoctorRequest request) {
        return schedule.addDoctor(request)
                .map(d -> Response.status(201).entity(DoctorView.of(d)).build());
    }

    @POST
    @Path("/doctors/{id}/schedule")
    @RolesAllowed({Roles.ADMIN, Roles.REGISTRAR, Roles.SERVICE})
    public Uni<Response> addSchedule(@PathParam("id") String id, @NotNull @Valid ScheduleRequest request) {
        UUID doctorId = Ids.requiredUuid(id, "id");
        return schedule.addSchedule(doctorId, request)
                .map(created -> Response.status(201)
                        .entity(created.stream().map(s -> SlotView.of(s, null)).toList()).build());
    }

    @POST
    @Path("/doctors/{id}/slots")
    @RolesAllowed({Roles.ADMIN, Roles.REGISTRAR, Roles.SERVICE})
    public Uni<Response> addSlot(@PathParam("id") String id, @NotNull @Valid SlotRequest request) {
        return schedule.addSlot(Ids.requiredUuid(id, "id"), request)
                .chain(slot -> schedule.slot(slot.id))
                .map(f -> Response.status(201).entity(SlotView.of(f.slot(), f.doctor())).build());
    }

    /** Free slots only: booked, offered and currently held slots are left out. */
    @GET
    @Path("/slots")
    public Uni<List<SlotView>> freeSlots(@QueryParam("specialty") String specialty,
            @QueryParam("doctorId") String doctorId, @QueryParam("from") String from, @QueryParam("to") String to) {
        return schedule.freeSlots(specialty, Ids.uuid(doctorId, "doctorId"), Ids.instant(from, "from", false),
                        Ids.instant(to, "to", true))
                .map(list -> list.stream().map(f -> SlotView.of(f.slot(), f.doctor())).toList());
    }

    @GET
    @Path("/slots/{id}")
    public Uni<SlotView> slot(@PathParam("id") String id) {
        return schedule.slot(Ids.requiredUuid(id, "id")).map(f -> SlotView.of(f.slot(), f.doctor()));
    }
}
