package ru.yavka.integration.client;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.faulttolerance.api.CircuitBreakerName;
import ru.yavka.integration.config.OneCConfig;

/**
 * 1C:Медицина's doctors and schedules. The timeout sits with the breaker, so a call that
 * hangs counts as a failure. No retry here: the next scheduled pull is the retry, and retrying
 * inside the call would only add load to a 1C that is already struggling.
 */
@ApplicationScoped
public class ScheduleClient {

    private final OneCTransports transports;
    private final ScheduleParser parser;
    private final OneCConfig config;
    private final ObjectMapper mapper;

    public ScheduleClient(OneCTransports transports, ScheduleParser parser, OneCConfig config, ObjectMapper mapper) {
        this.transports = transports;
        this.parser = parser;
        this.config = config;
        this.mapper = mapper;
    }

    @CircuitBreakerName(Breakers.SCHEDULE)
    @CircuitBreaker(requestVolumeThreshold = 3, failureRatio = 1.0, delay = 30, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 1, skipOn = OneCRejected.class)
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public Parsed<OneCSchedule> fetch(LocalDate from, LocalDate to) {
        Reply reply = transports.medicine().send("GET", config.medicine().paths().schedule(),
                OneCHttp.query("from", from.toString(), "to", to.toString()), null);
        if (reply.status() != 200) {
            throw new OneCUnavailable("schedule: 1C:Медицина answered HTTP " + reply.status());
        }
        return parser.parse(reply.json(mapper, "schedule"));
    }
}
