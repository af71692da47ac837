package ru.yavka.integration.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import ru.yavka.integration.client.Breakers;

/**
 * The 1C breakers' states for the status API, health and metrics
 * ({@code yavka_onec_breaker_state{breaker, state}} is 1 for the current state, 0 otherwise),
 * and a log line at every transition.
 */
@Startup
@ApplicationScoped
public class BreakerMonitor {

    private static final Logger LOG = Logger.getLogger(BreakerMonitor.class);

    public record Breaker(String name, String state) {
    }

    private final CircuitBreakerMaintenance maintenance;

    public BreakerMonitor(CircuitBreakerMaintenance maintenance, MeterRegistry registry) {
        this.maintenance = maintenance;
        for (String name : Breakers.ALL) {
            for (CircuitBreakerState state : CircuitBreakerState.values()) {
                Gauge.builder("yavka.onec.breaker.state", () -> maintenance.currentState(name) == state ? 1 : 0)
                        .description("1 when the 1C endpoint group's circuit breaker is in this state")
                        .tag("breaker", name)
                        .tag("state", state.name())
                        .register(registry);
            }
            maintenance.onStateChange(name, state -> {
                if (state == CircuitBreakerState.OPEN) {
                    LOG.warnf("circuit breaker %s OPEN: 1C is not called, callers get cached data", name);
                } else {
                    LOG.infof("circuit breaker %s %s", name, state);
                }
                registry.counter("yavka.onec.breaker.transitions", "breaker", name, "to", state.name()).increment();
            });
        }
    }

    public List<Breaker> states() {
        return Breakers.ALL.stream().map(name -> new Breaker(name, maintenance.currentState(name).name())).toList();
    }
}
