package ru.yavka.audit.client;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.mutiny.Uni;

/** booking-service behind a retry and a circuit breaker; a 4xx comes back as a {@link Reply}, not a failure. */
@ApplicationScoped
public class BookingClient {

    private final BookingApi api;

    public BookingClient(@RestClient BookingApi api) {
        this.api = api;
    }

    @Retry(maxRetries = 2, delay = 200, jitter = 100)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 15_000, successThreshold = 2)
    public Uni<Reply> patient(UUID id, String bearer) {
        return api.patient(id, bearer, Purpose.SUBJECT_ACCESS_REQUEST).map(Reply::of)
                .onFailure(Reply::isAnswer).recoverWithItem(Reply::answer);
    }

    @Retry(maxRetries = 2, delay = 200, jitter = 100)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 15_000, successThreshold = 2)
    public Uni<Reply> appointments(UUID patientId, String bearer) {
        return api.appointments(patientId, bearer, Purpose.SUBJECT_ACCESS_REQUEST).map(Reply::of)
                .onFailure(Reply::isAnswer).recoverWithItem(Reply::answer);
    }

    @Retry(maxRetries = 2, delay = 200, jitter = 100)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 15_000, successThreshold = 2)
    public Uni<Reply> waitlist(UUID patientId, String bearer) {
        return api.waitlist(patientId, bearer, Purpose.SUBJECT_ACCESS_REQUEST).map(Reply::of)
                .onFailure(Reply::isAnswer).recoverWithItem(Reply::answer);
    }
}
