package ru.yavka.integration.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import ru.yavka.integration.client.OneCUnavailable;
import ru.yavka.integration.service.NoCard;

/** Every error leaves as problem+json; nothing internal and no personal data goes into it. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(IntegrationProblem problem) {
        return Problem.response(problem.status(), problem.title(), problem.getMessage(), problem.field());
    }

    @ServerExceptionMapper
    public Response unavailable(OneCUnavailable e) {
        return Response.fromResponse(Problem.response(503, "1C unavailable", e.getMessage(), null))
                .header("Retry-After", "30").build();
    }

    @ServerExceptionMapper
    public Response noCard(NoCard e) {
        return Problem.response(404, "Not found", e.getMessage(), "id");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        return Problem.response(status, known == null ? "Error" : known.getReasonPhrase(), e.getMessage(), null);
    }

    @ServerExceptionMapper(priority = 5000)
    public Response unexpected(Throwable e) {
        LOG.errorf("unexpected failure: %s", e.toString());
        return Problem.response(500, "Internal error", "the request could not be completed", null);
    }
}
