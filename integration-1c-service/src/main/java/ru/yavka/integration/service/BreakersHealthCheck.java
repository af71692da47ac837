package ru.yavka.integration.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.smallrye.health.api.Wellness;

/**
 * The 1C breakers in /q/health (and /q/health/well): DOWN while any is open. Deliberately not
 * a readiness check: with 1C down this service still serves cached data and queues work, so
 * it must stay in the load balancer.
 */
@Wellness
@ApplicationScoped
public class BreakersHealthCheck implements HealthCheck {

    private final BreakerMonitor breakers;

    public BreakersHealthCheck(BreakerMonitor breakers) {
        this.breakers = breakers;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("1c-circuit-breakers").up();
        for (BreakerMonitor.Breaker b : breakers.states()) {
            response.withData(b.name(), b.state());
            if ("OPEN".equals(b.state())) {
                response.down();
            }
        }
        return response.build();
    }
}
