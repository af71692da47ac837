package ru.yavka.booking.rest;

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
import ru.yavka.booking.rest.Views.WaitlistEntryView;
import ru.yavka.booking.rest.Views.WaitlistOfferView;
import ru.yavka.booking.service.Actor;
import ru.yavka.booking.service.BookingProblem;
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

    /**
     * Without patientId: everyone still waiting or holding an offer. With it: all of that patient's
     * entries, closed ones too, each with its offers (the access request, 152-FZ Art. 14).
     */
    @GET
    @RolesAllowed({Roles.ADMIN, Roles.REGISTRAR, Roles.SERVICE, Roles.AUDITOR})
    public Uni<List<WaitlistEntryView>> entries(@QueryParam("patientId") String patientId) {
        UUID patient = Ids.uuid(patientId, "patientId");
        Actor caller = actor.get();
        if (patient == null) {
            // An auditor reads one patient's records for that patient's request, never the whole waitlist.
            if (Roles.AUDITOR.equals(caller.role())) {
                throw BookingProblem.forbidden("patientId",
                        "an auditor reads the waitlist of one patient: give patientId");
            }
            return waitlist.activeEntries(caller).map(list -> list.stream().map(WaitlistEntryView::of).toList());
        }
        return waitlist.entriesOf(patient, caller).map(list -> list.stream().map(WaitlistEntryView::of).toList());
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
