package ru.yavka.notification.rest;

import java.util.Arrays;
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

import ru.yavka.notification.service.ApiProblem;

/** Every error leaves as problem+json; nothing internal leaks into it. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response api(ApiProblem problem) {
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
        Response.Status known = Response.Status.fromStatusCode(status);
        return Problem.response(status, known == null ? "Error" : known.getReasonPhrase(), e.getMessage(), null);
    }

    @ServerExceptionMapper(priority = 5000)
    public Response unexpected(Throwable e) {
        LOG.error("unexpected failure", e);
        return Problem.response(500, "Internal error", "the request could not be completed", null);
    }

    /** "subscribe.arg0.endpoint" → "endpoint"; nested beans keep their path ("keys.auth"). */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String[] parts = violation.getPropertyPath().toString().split("\\.");
        int start = parts.length > 2 ? 2 : Math.max(parts.length - 1, 0);
        return String.join(".", Arrays.copyOfRange(parts, start, parts.length));
    }
}
