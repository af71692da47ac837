package ru.yavka.integration.rest;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import ru.yavka.contracts.events.DataAccessed;
import ru.yavka.integration.client.CardLink;
import ru.yavka.integration.client.OneCSchedule;
import ru.yavka.integration.client.VisitFact;
import ru.yavka.integration.config.OneCConfig;
import ru.yavka.integration.repository.BillingJobs;
import ru.yavka.integration.service.AuditTrail;
import ru.yavka.integration.service.CardFeed;
import ru.yavka.integration.service.Fetched;
import ru.yavka.integration.service.IntegrationStatus;
import ru.yavka.integration.service.ScheduleFeed;
import ru.yavka.integration.service.SyncNow;
import ru.yavka.integration.service.VisitFeed;

/**
 * Staff view of the exchange with 1C: breakers, last syncs, cache ages and queues; a sync on
 * demand; and 1C's own data (schedule, visit facts, card links), served from the cache with
 * its age while 1C is away.
 */
@Path("/api/integration")
@Tag(name = "integration", description = "1C:Медицина and 1C:Бухгалтерия exchange")
@RolesAllowed({Roles.ADMIN, Roles.REGISTRAR, Roles.AUDITOR, Roles.SERVICE})
public class IntegrationResource {

    private final IntegrationStatus status;
    private final SyncNow sync;
    private final ScheduleFeed schedule;
    private final VisitFeed visits;
    private final CardFeed cards;
    private final AuditTrail audit;
    private final CurrentActor actor;
    private final BillingJobs billing;
    private final OneCConfig config;
    private final Clock clock;

    public IntegrationResource(IntegrationStatus status, SyncNow sync, ScheduleFeed schedule, VisitFeed visits,
            CardFeed cards, AuditTrail audit, CurrentActor actor, BillingJobs billing, OneCConfig config, Clock clock) {
        this.status = status;
        this.sync = sync;
        this.schedule = schedule;
        this.visits = visits;
        this.cards = cards;
        this.audit = audit;
        this.actor = actor;
        this.billing = billing;
        this.config = config;
        this.clock = clock;
    }

    @GET
    @Path("/status")
    public IntegrationStatus.Status status() {
        return status.now();
    }

    /** Runs the given passes now (all four when no scope is given) and reports each. */
    @POST
    @Path("/sync")
    @RolesAllowed({Roles.ADMIN, Roles.REGISTRAR, Roles.SERVICE})
    public Map<String, SyncNow.Outcome> sync(@QueryParam("scope") List<String> scope) throws InterruptedException {
        Set<String> scopes = new LinkedHashSet<>();
        if (scope == null || scope.isEmpty()) {
            scopes.addAll(List.of("schedule", "visits", "appointments", "billing"));
        } else {
            for (String s : scope) {
                if (!SyncNow.SCOPES.contains(s)) {
                    throw IntegrationProblem.badRequest("scope", "scope must be one of " + SyncNow.SCOPES);
                }
                scopes.add(s);
            }
        }
        return sync.run(scopes);
    }

    /** 1C's schedule for the sync horizon, live or (1C away) the last good one with its age. */
    @GET
    @Path("/schedule")
    @RolesAllowed({Roles.ADMIN, Roles.REGISTRAR, Roles.DOCTOR, Roles.SERVICE})
    public Fetched<OneCSchedule> schedule() {
        LocalDate today = LocalDate.now(clock.withZone(config.clinicZone()));
        return schedule.schedule(today, today.plusDays(config.sync().horizonDays()));
    }

    /** 1C's visit facts of a day (default today); they name appointments, not people. */
    @GET
    @Path("/visits")
    @RolesAllowed({Roles.ADMIN, Roles.REGISTRAR, Roles.DOCTOR, Roles.SERVICE})
    public Fetched<List<VisitFact>> visits(@QueryParam("date") String date) {
        LocalDate day;
        try {
            day = date == null || date.isBlank() ? LocalDate.now(clock.withZone(config.clinicZone()))
                    : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw IntegrationProblem.badRequest("date", "date must be YYYY-MM-DD");
        }
        return visits.day(day);
    }

    /** Whether a completed visit's sales document is in 1C:Бухгалтерия yet, and which one. */
    @GET
    @Path("/billing/{appointmentId}")
    public BillingJobs.View billing(@PathParam("appointmentId") String appointmentId) {
        UUID id = uuid(appointmentId, "appointmentId");
        return billing.view(id).orElseThrow(() -> new IntegrationProblem(404, "Not found",
                "no completed visit of appointment " + id + " has reached billing", "appointmentId"));
    }

    /** The patient's card in 1C:Медицина; a read of personal data, recorded as DataAccessed. */
    @GET
    @Path("/patients/{id}/card")
    @RolesAllowed({Roles.ADMIN, Roles.REGISTRAR, Roles.DOCTOR, Roles.SERVICE})
    public Fetched<CardLink> card(@PathParam("id") String id) {
        UUID patientId = uuid(id, "id");
        Fetched<CardLink> card = cards.card(patientId);
        audit.record(actor.get(), patientId, "patient-card", card.data().cardId(), DataAccessed.Action.READ);
        return card;
    }

    private static UUID uuid(String value, String field) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw IntegrationProblem.badRequest(field, field + " must be a UUID");
        }
    }
}
