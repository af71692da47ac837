package ru.yavka.integration.client;

import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.faulttolerance.api.CircuitBreakerName;
import ru.yavka.integration.config.OneCConfig;

/** The link from a Yavka patient to their card in 1C:Медицина. A 404 is an answer: no card yet. */
@ApplicationScoped
public class PatientCardsClient {

    private final OneCTransports transports;
    private final CardParser parser;
    private final OneCConfig config;
    private final ObjectMapper mapper;

    public PatientCardsClient(OneCTransports transports, CardParser parser, OneCConfig config, ObjectMapper mapper) {
        this.transports = transports;
        this.parser = parser;
        this.config = config;
        this.mapper = mapper;
    }

    @CircuitBreakerName(Breakers.PATIENTS)
    @CircuitBreaker(requestVolumeThreshold = 3, failureRatio = 1.0, delay = 30, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 1, skipOn = OneCRejected.class)
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public Optional<CardLink> card(UUID patientId) {
        String path = config.medicine().paths().patient().replace("{id}", OneCHttp.segment(patientId.toString()));
        Reply reply = transports.medicine().send("GET", path, null, null);
        if (reply.status() == 404) {
            return Optional.empty();
        }
        if (reply.status() != 200) {
            throw new OneCUnavailable("patient card: 1C:Медицина answered HTTP " + reply.status());
        }
        return Optional.of(parser.parse(reply.json(mapper, "patient card"), "patient card"));
    }
}
