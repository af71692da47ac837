package ru.yavka.booking.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import ru.yavka.booking.rest.Views.PatientView;
import ru.yavka.booking.service.BookingProblem;
import ru.yavka.booking.service.PatientErasure;
import ru.yavka.booking.service.PatientRegistration;
import ru.yavka.booking.service.PatientService;
import ru.yavka.booking.service.TelegramLink;

@Path("/api/patients")
@Tag(name = "patients", description = "Patients and their consent; every access is audited")
@RolesAllowed({Roles.ADMIN, Roles.REGISTRAR, Roles.SERVICE})
public class PatientResource {

    private final PatientService patients;
    private final PatientErasure erasure;
    private final CurrentActor actor;

    public PatientResource(PatientService patients, PatientErasure erasure, CurrentActor actor) {
        this.patients = patients;
        this.erasure = erasure;
        this.actor = actor;
    }

    @POST
    public Uni<Response> register(@NotNull @Valid PatientRegistration registration) {
        return patients.register(registration, actor.get())
                .map(p -> Response.status(201).entity(PatientView.of(p)).build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.REGISTRAR, Roles.DOCTOR, Roles.SERVICE, Roles.AUDITOR})
    public Uni<PatientView> get(@PathParam("id") String id) {
        return patients.get(Ids.requiredUuid(id, "id"), actor.get()).map(PatientView::of);
    }

    @POST
    @Path("/{id}/telegram")
    public Uni<PatientView> linkTelegram(@PathParam("id") String id, @NotNull @Valid TelegramLink link) {
        return patients.linkTelegram(Ids.requiredUuid(id, "id"), link, actor.get()).map(PatientView::of);
    }

    /** Withdrawal of consent: erases the patient's personal data here and, through events, everywhere. */
    @POST
    @Path("/{id}/erasure")
    public Uni<PatientErasure.Outcome> erase(@PathParam("id") String id, @NotNull @Valid Erasure request) {
        return erasure.erase(Ids.requiredUuid(id, "id"), request.reason(), request.channel(), actor.get());
    }

    record Erasure(@NotBlank @Size(max = 500) String reason,
            @NotBlank @Pattern(regexp = "TELEGRAM|STAFF", message = "must be TELEGRAM or STAFF") String channel) {
    }

    /** Exactly one of phone (E.164) or telegramChatId. */
    @GET
    @Path("/lookup")
    public Uni<PatientView> lookup(@QueryParam("phone") String phone,
            @QueryParam("telegramChatId") String telegramChatId) {
        boolean byPhone = phone != null && !phone.isBlank();
        boolean byChat = telegramChatId != null && !telegramChatId.isBlank();
        if (byPhone == byChat) {
            throw BookingProblem.badRequest(byPhone ? "telegramChatId" : "phone",
                    "give exactly one of phone or telegramChatId");
        }
        if (byPhone) {
            String normalized = phone.strip().replace(' ', '+');
            if (!normalized.matches(PatientRegistration.E164)) {
                throw BookingProblem.badRequest("phone", "phone must be E.164, e.g. +79991234567");
            }
            return patients.lookupByPhone(normalized, actor.get()).map(PatientView::of);
        }
        if (!telegramChatId.strip().matches("-?\\d{1,20}")) {
            throw BookingProblem.badRequest("telegramChatId", "telegramChatId must be digits");
        }
        return patients.lookupByChatId(telegramChatId.strip(), actor.get()).map(PatientView::of);
    }
}
