package ru.yavka.integration.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Logs why 1C's records were not taken. The reasons name records by index and id and say
 * which rule failed; they never quote 1C's values, which may carry personal data.
 */
@ApplicationScoped
public class Rejections {

    private static final Logger LOG = Logger.getLogger(Rejections.class);

    private final MeterRegistry registry;

    public Rejections(MeterRegistry registry) {
        this.registry = registry;
    }

    public void records(String group, List<String> reasons) {
        for (String reason : reasons) {
            LOG.warnf("1C %s: record rejected, not applied: %s", group, reason);
        }
        if (!reasons.isEmpty()) {
            registry.counter("yavka.onec.rejected.records", "group", group).increment(reasons.size());
        }
    }

    public void answer(String group, String reason) {
        LOG.warnf("1C %s: answer rejected, nothing applied: %s", group, reason);
        registry.counter("yavka.onec.rejected.answers", "group", group).increment();
    }
}
