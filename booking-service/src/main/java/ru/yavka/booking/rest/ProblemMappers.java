package ru.yavka.booking.rest;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.pgclient.PgException;
import ru.yavka.booking.service.BookingProblem;

/** Every error leaves as problem+json; nothing internal (and no personal data) leaks into it. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String UNIQUE_VIOLATION = "23505";

    @ServerExceptionMapper
    public Response booking(BookingProblem problem) {
        return Problem.response(problem.status(), problem.title(), problem.getMessage(), problem.field());
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .collect(Collectors.toList());
        return Problem.invalid(errors);
    }

    /** Declared for the specific types too: the built-in Jackson mappers would otherwise win and answer bare. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response unparsable(StreamReadException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? mapping.getPath().stream()
                        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining(".")).replace(".[", "[")
                : null;
        String reason = field == null ? "the body is not valid JSON" : "has an invalid value";
        return Problem.invalid(List.of(new Problem.FieldError(field == null ? "body" : field, reason)));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json);
        }
        int status = e.getResponse().getStatus();
        return Problem.response(status, Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase(), e.getMessage(), null);
    }

    @ServerExceptionMapper(priority = 5000)
    public Response unexpected(Throwable e) {
        PgException pg = pgCause(e);
        if (pg != null && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
            return Problem.response(409, "Conflict", "the change conflicts with one made at the same time", null);
        }
        if (causedBy(e, ConnectionPoolTooBusyException.class)) {
            return Response.fromResponse(Problem.response(503, "Service unavailable",
                    "too many requests at once; nothing was changed, try again", null)).header("Retry-After", "1")
                    .build();
        }
        LOG.error("unexpected failure", e);
        return Problem.response(500, "Internal error", "the request could not be completed; nothing was changed",
                null);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static PgException pgCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PgException pg) {
                return pg;
            }
        }
        return null;
    }

    /** "book.arg0.phone" → "phone"; nested beans keep their path ("consent.given"). */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        int start = parts.length > 2 ? 2 : Math.max(parts.length - 1, 0);
        return String.join(".", java.util.Arrays.copyOfRange(parts, start, parts.length));
    }
}
