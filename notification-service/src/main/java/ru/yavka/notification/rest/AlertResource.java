package ru.yavka.notification.rest;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import ru.yavka.notification.config.NotificationConfig;
import ru.yavka.notification.repository.StaffAlert;
import ru.yavka.notification.repository.StaffAlertRepository;
import ru.yavka.notification.service.AlertDraft;
import ru.yavka.notification.service.AlertService;
import ru.yavka.notification.service.AlertTexts;
import ru.yavka.notification.service.ApiProblem;
import ru.yavka.notification.service.StaffRole;
import ru.yavka.notification.service.StaffUser;

@Path("/api/alerts")
@Tag(name = "alerts", description = "What staff were told, and alerts raised by other services")
public class AlertResource {

    private final StaffAlertRepository alerts;
    private final AlertService service;
    private final AlertTexts texts;
    private final CurrentUser user;
    private final NotificationConfig config;
    private final Clock clock;

    public AlertResource(StaffAlertRepository alerts, AlertService service, AlertTexts texts, CurrentUser user,
            NotificationConfig config, Clock clock) {
        this.alerts = alerts;
        this.service = service;
        this.texts = texts;
        this.user = user;
        this.config = config;
        this.clock = clock;
    }

    public record AlertView(UUID id, String kind, String title, String body, String url, UUID doctorId,
            OffsetDateTime createdAt) {
    }

    /**
     * An alert from a service whose event has no contract yet: integration-1c-service when a
     * breaker opens ({@code key} = the breaker's name), triage-service on an emergency
     * ({@code key} = the conversation, never the patient's words). {@code eventId} makes a
     * retried call raise it once.
     */
    public record RaiseRequest(@NotNull @Pattern(regexp = "BREAKER_OPENED|TRIAGE_EMERGENCY") String kind,
            @NotBlank @Size(max = 100) String key, @Size(max = 100) String specialty, @NotNull UUID eventId) {
    }

    @GET
    @RolesAllowed({StaffRole.ADMIN, StaffRole.REGISTRAR, StaffRole.DOCTOR})
    @WithSession
    public Uni<List<AlertView>> recent(@QueryParam("limit") @DefaultValue("30") int limit) {
        if (limit < 1 || limit > 100) {
            throw ApiProblem.badRequest("limit", "limit must be between 1 and 100");
        }
        StaffUser me = user.get();
        return alerts.recentFor(me.name(), me.pushedRole().orElseThrow(), limit)
                .map(list -> list.stream().map(this::view).toList());
    }

    @POST
    @RolesAllowed(StaffRole.SERVICE)
    @WithTransaction
    public Uni<Response> raise(@NotNull @Valid RaiseRequest request) {
        return alerts.find("sourceEventId", request.eventId()).firstResult().chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(Response.ok(view(existing)).build());
            }
            Instant now = clock.instant();
            AlertDraft draft = request.kind().equals("BREAKER_OPENED")
                    ? texts.breakerOpened(request.key().strip(), request.eventId())
                    : texts.triageEmergency(request.key().strip(), request.specialty(), request.eventId());
            return service.raise(draft, now).map(alert -> Response.status(201).entity(view(alert)).build());
        });
    }

    private AlertView view(StaffAlert a) {
        return new AlertView(a.id, a.kind, a.title, a.body, a.url, a.doctorId,
                a.createdAt.atZone(config.clinicZone()).toOffsetDateTime());
    }
}
