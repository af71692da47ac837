package ru.yavka.telegram.client;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;

/** triage-service: free text about symptoms to a suggested specialty, with an emergency flag. */
@RegisterRestClient(configKey = "triage")
@RegisterClientHeaders(ServiceTokenHeaders.class)
@Path("/api/triage")
@Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
@Consumes(MediaType.APPLICATION_JSON)
public interface TriageClient {

    /** {@code patientId}, when the chat is linked, lets triage-service name the patient in its audit record. */
    record Request(String text, UUID patientId) {
    }

    record Candidate(String specialty, double score) {
    }

    record Result(String specialty, List<Candidate> candidates, boolean emergency, String advice,
            String explanation, JsonNode citedCases, String source) {
    }

    @POST
    @Retry(maxRetries = 1, delay = 300, abortOn = ServiceRejection.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 15_000, successThreshold = 1,
            skipOn = ServiceRejection.class)
    Result triage(Request request);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return Problems.of("triage-service", response);
    }
}
