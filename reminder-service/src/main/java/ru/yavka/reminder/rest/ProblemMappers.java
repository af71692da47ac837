package ru.yavka.reminder.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

import ru.yavka.reminder.service.AuditUnavailableException;

/** Every error leaves as application/problem+json. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e) {
        return Problem.response(400, "invalid-parameter", "Invalid request parameter", e.getMessage(), e.field());
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e) {
        return Problem.response(401, "unauthorized", "Authentication required",
                "A valid bearer token is required", null);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.response(403, "forbidden", "Not allowed",
                "This API is for clinic staff (registrar, doctor, admin) and services", null);
    }

    @ServerExceptionMapper
    public Response auditUnavailable(AuditUnavailableException e) {
        return Problem.response(503, "audit-unavailable", "Audit trail unavailable",
                "The access could not be recorded, so the data is not shown; try again shortly", null);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return Problem.response(status, "http-" + status, e.getResponse().getStatusInfo().getReasonPhrase(),
                e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("unexpected failure", e);
        return Problem.response(500, "internal", "Internal error", "The request failed; see the service log", null);
    }
}
