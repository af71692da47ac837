package ru.yavka.integration.client;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.faulttolerance.api.CircuitBreakerName;
import ru.yavka.integration.config.OneCConfig;

/** 1C:Медицина's visit facts of one day (arrived, completed with services). */
@ApplicationScoped
public class VisitsClient {

    private final OneCTransports transports;
    private final VisitParser parser;
    private final OneCConfig config;
    private final ObjectMapper mapper;

    public VisitsClient(OneCTransports transports, VisitParser parser, OneCConfig config, ObjectMapper mapper) {
        this.transports = transports;
        this.parser = parser;
        this.config = config;
        this.mapper = mapper;
    }

    @CircuitBreakerName(Breakers.VISITS)
    @CircuitBreaker(requestVolumeThreshold = 3, failureRatio = 1.0, delay = 30, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 1, skipOn = OneCRejected.class)
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public Parsed<List<VisitFact>> fetch(LocalDate day) {
        Reply reply = transports.medicine().send("GET", config.medicine().paths().visits(),
                OneCHttp.query("date", day.toString()), null);
        if (reply.status() != 200) {
            throw new OneCUnavailable("visits: 1C:Медицина answered HTTP " + reply.status());
        }
        return parser.parse(reply.json(mapper, "visits"));
    }
}
