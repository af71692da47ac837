package ru.yavka.booking.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import ru.yavka.booking.repository.SlotStatus;
import ru.yavka.booking.service.BookingProblem;
import ru.yavka.booking.service.ScheduleService;
import ru.yavka.booking.service.SlotHolds;

/** Holds a free slot for a few minutes while a patient confirms their choice. */
@Path("/api/slots/{id}/hold")
@Tag(name = "schedule")
@RolesAllowed({Roles.ADMIN, Roles.REGISTRAR, Roles.SERVICE})
public class SlotHoldResource {

    private final SlotHolds holds;
    private final ScheduleService schedule;

    public SlotHoldResource(SlotHolds holds, ScheduleService schedule) {
        this.holds = holds;
        this.schedule = schedule;
    }

    @POST
    public Uni<SlotHolds.Hold> hold(@PathParam("id") String id, @NotNull @Valid BookingRequests.Hold request) {
        return schedule.slot(Ids.requiredUuid(id, "id"))
                .invoke(f -> {
                    if (f.slot().status != SlotStatus.FREE) {
                        throw BookingProblem.conflict("slot " + id + " is already taken; choose another slot");
                    }
                })
                .chain(f -> holds.hold(f.slot().id, request.holder()));
    }

    @DELETE
    public Uni<Response> release(@PathParam("id") String id, @QueryParam("holder") String holder) {
        if (holder == null || holder.isBlank()) {
            throw BookingProblem.badRequest("holder", "holder is required");
        }
        return holds.release(Ids.requiredUuid(id, "id"), holder).map(v -> Response.noContent().build());
    }
}
