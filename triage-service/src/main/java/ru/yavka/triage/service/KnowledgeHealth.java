package ru.yavka.triage.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the knowledge base is loaded (the lexical side) and the pipeline is warmed up; says
 * whether the vector side is indexed too.
 */
@Readiness
@ApplicationScoped
public class KnowledgeHealth implements HealthCheck {

    private final KnowledgeService knowledge;
    private final PipelineWarmup warmup;

    public KnowledgeHealth(KnowledgeService knowledge, PipelineWarmup warmup) {
        this.knowledge = knowledge;
        this.warmup = warmup;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("triage-knowledge-base").status(warmup.done())
                .withData("kbHash", knowledge.kb().hash().substring(0, 12))
                .withData("cases", knowledge.kb().cases().size())
                .withData("vectorStoreIndexed", knowledge.denseReady())
                .withData("warmedUp", warmup.done())
                .withData("warmupRequests", warmup.requests())
                .build();
    }
}
