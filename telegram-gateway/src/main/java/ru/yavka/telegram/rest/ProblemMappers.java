package ru.yavka.telegram.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import ru.yavka.telegram.repository.PiiKeyMismatch;

/**
 * Errors of the gateway's API leave as application/problem+json, as in the other services. The
 * webhook answers Telegram with bare statuses of its own and throws nothing that lands here.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e) {
        return Problem.response(401, "unauthorized", "Authentication required", "A valid bearer token is required");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.response(403, "forbidden", "Not allowed", "This operation is for the clinic's administrators");
    }

    /** The operator's to fix (the previous key is missing or wrong); nothing was left half-done. */
    @ServerExceptionMapper
    public Response keyMismatch(PiiKeyMismatch e) {
        LOG.warn(e.getMessage());
        return Problem.response(409, "pii-key-mismatch", "Personal data under an unknown key", e.getMessage()
                + "; give the key it is under as YAVKA_PII_PREVIOUS_KEY and call again. Rows already moved stay"
                + " under the current key");
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return Problem.response(status, "http-" + status, e.getResponse().getStatusInfo().getReasonPhrase(),
                e.getMessage());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("unexpected failure", e);
        return Problem.response(500, "internal", "Internal error", "The request failed; see the service log");
    }
}
