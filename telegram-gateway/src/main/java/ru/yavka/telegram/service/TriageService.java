package ru.yavka.telegram.service;

import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import ru.yavka.telegram.client.TriageClient;

/** triage-service, bounded in time; when it cannot answer, the dialog says so (empty result). */
@ApplicationScoped
public class TriageService {

    private final TriageClient triage;

    public TriageService(@RestClient TriageClient triage) {
        this.triage = triage;
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "unavailable")
    public Optional<TriageClient.Result> assess(String text, UUID patientId) {
        return Optional.ofNullable(triage.triage(new TriageClient.Request(text, patientId)));
    }

    Optional<TriageClient.Result> unavailable(String text, UUID patientId) {
        return Optional.empty();
    }
}
