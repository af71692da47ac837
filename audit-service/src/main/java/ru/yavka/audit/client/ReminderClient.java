package ru.yavka.audit.client;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.mutiny.Uni;

/** reminder-service behind a retry and a circuit breaker; a 4xx comes back as a {@link Reply}, not a failure. */
@ApplicationScoped
public class ReminderClient {

    private final ReminderApi api;

    public ReminderClient(@RestClient ReminderApi api) {
        this.api = api;
    }

    @Retry(maxRetries = 2, delay = 200, jitter = 100)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 15_000, successThreshold = 2)
    public Uni<Reply> timeline(UUID appointmentId, String bearer) {
        return api.timeline(appointmentId, bearer, Purpose.SUBJECT_ACCESS_REQUEST).map(Reply::of)
                .onFailure(Reply::isAnswer).recoverWithItem(Reply::answer);
    }
}
