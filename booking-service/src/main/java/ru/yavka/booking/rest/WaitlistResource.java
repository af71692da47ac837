package ru.yavka.booking.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import ru.yavka.booking.rest.Views.AppointmentView;
import ru.yavka.booking.rest.Views.WaitlistEntryView;
import ru.yavka.booking.rest.Views.WaitlistOfferView;
import ru.yavka.booking.service.WaitlistRequest;
import ru.yavka.booking.service.WaitlistService;
import ru.yavka.contracts.events.AppointmentSource;

@Path("/api/waitlist")
@Tag(name = "waitlist", description = "Patients waiting for a released slot")
@RolesAllowed({Roles.ADMIN, Roles.REGISTRAR, Roles.SERVICE})
public class WaitlistResource {

    private final WaitlistService waitlist;
    private final CurrentActor actor;

    public WaitlistResource(WaitlistService waitlist, CurrentActor actor) {
        this.waitlist = waitlist;
        this.actor = actor;
    }

    @POST
    public Uni<Response> join(@NotNull @Valid WaitlistRequest request) {
        return waitlist.join(request, actor.get())
                .map(e -> Response.status(201).entity(WaitlistEntryView.of(e)).build());
    }

    @GET
    public Uni<List<WaitlistEntryView>> entries() {
        return waitlist.activeEntries(actor.get()).map(list -> list.stream().map(WaitlistEntryView::of).toList());
    }

    @GET
    @Path("/offers")
    public Uni<List<WaitlistOfferView>> offers() {
        return waitlist.liveOffers(actor.get()).map(list -> list.stream().map(WaitlistOfferView::of).toList());
    }

    /** Books the offered slot; answers with the new appointment. */
    @POST
    @Path("/offers/{id}/accept")
    public Uni<Response> accept(@PathParam("id") String id, BookingRequests.AcceptOffer request) {
        AppointmentSource source = request == null || request.source() == null
                ? AppointmentSource.TELEGRAM : request.source();
        return waitlist.accept(Ids.requiredUuid(id, "id"), source, actor.get())
                .map(a -> Response.status(201).entity(AppointmentView.of(a)).build());
    }

    @POST
    @Path("/offers/{id}/decline")
    public Uni<WaitlistOfferView> decline(@PathParam("id") String id) {
        return waitlist.decline(Ids.requiredUuid(id, "id"), actor.get()).map(WaitlistOfferView::of);
    }
}
