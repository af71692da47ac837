package ru.yavka.triage.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.vertx.ext.web.RoutingContext;
import ru.yavka.triage.config.TriageConfig;
import ru.yavka.triage.service.Actor;
import ru.yavka.triage.service.TriageResult;
import ru.yavka.triage.service.TriageService;

@Path("/api/triage")
public class TriageResource {

    static final String PURPOSE_HEADER = "X-Access-Purpose";

    private final TriageService triage;
    private final TriageConfig config;
    private final SecurityIdentity identity;
    private final RoutingContext request;

    public TriageResource(TriageService triage, TriageConfig config, SecurityIdentity identity,
            RoutingContext request) {
        this.triage = triage;
        this.config = config;
        this.identity = identity;
        this.request = request;
    }

    /** Symptoms to a specialty. The text is health data: it is neither stored nor logged. */
    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"service", "registrar", "doctor", "admin"})
    public TriageResult triage(TriageRequest body) {
        if (body == null || body.text() == null) {
            throw new TriageProblem(400, "text", "is required");
        }
        if (body.text().isBlank()) {
            throw new TriageProblem(400, "text", "must not be empty or only spaces");
        }
        if (body.text().length() > config.maxTextLength()) {
            throw new TriageProblem(400, "text", "must be at most " + config.maxTextLength() + " characters");
        }
        String purpose = request.request().getHeader(PURPOSE_HEADER);
        Actor actor = Actor.of(identity, purpose == null || purpose.isBlank() ? config.defaultPurpose() : purpose.strip());
        return triage.triage(body.text(), actor, body.patientId());
    }
}
