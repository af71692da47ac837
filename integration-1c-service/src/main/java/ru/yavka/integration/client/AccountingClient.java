package ru.yavka.integration.client;

import java.time.temporal.ChronoUnit;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.faulttolerance.api.CircuitBreakerName;

/**
 * Every OData exchange with 1C:Бухгалтерия passes through this one guarded method, so the
 * whole endpoint group shares one breaker (SmallRye allows a breaker name on one method only).
 * {@link Accounting} builds the individual requests.
 */
@ApplicationScoped
public class AccountingClient {

    private final OneCTransports transports;
    private final ObjectMapper mapper;

    public AccountingClient(OneCTransports transports, ObjectMapper mapper) {
        this.transports = transports;
        this.mapper = mapper;
    }

    /**
     * One request; a 2xx comes back, as does a 404 when {@code notFoundIsAnswer}. A 4xx with
     * {@code odata.error} is 1C refusing ({@link OneCRejected}); anything else is an outage.
     */
    @CircuitBreakerName(Breakers.ACCOUNTING)
    @CircuitBreaker(requestVolumeThreshold = 3, failureRatio = 1.0, delay = 30, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 1, skipOn = OneCRejected.class)
    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    public Reply exchange(String what, String method, String path, Map<String, String> query, String jsonBody,
            boolean notFoundIsAnswer) {
        Reply reply = transports.accounting().send(method, path, query, jsonBody);
        if (reply.ok() || reply.status() == 404 && notFoundIsAnswer) {
            return reply;
        }
        if (reply.status() >= 400 && reply.status() < 500 && reply.status() != 401 && reply.status() != 403
                && reply.status() != 404 && reply.status() != 408 && reply.status() != 429) {
            Reply.ODataError error = reply.odataError(mapper).orElse(new Reply.ODataError(null, null));
            throw new OneCRejected(what, reply.status(), error.code(), error.message());
        }
        throw new OneCUnavailable(what + ": 1C:Бухгалтерия answered HTTP " + reply.status());
    }
}
