package ru.yavka.triage.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import ru.yavka.contracts.events.DataAccessed;
import ru.yavka.contracts.events.Specialty;
import ru.yavka.triage.config.TriageConfig;
import ru.yavka.triage.kb.RedFlagCategory;
import ru.yavka.triage.llm.Decision;
import ru.yavka.triage.llm.LlmTriage;
import ru.yavka.triage.metrics.StageTimer;
import ru.yavka.triage.retrieval.Candidate;
import ru.yavka.triage.retrieval.EmergencyDetector;
import ru.yavka.triage.retrieval.Hit;
import ru.yavka.triage.retrieval.Retrieval;

/**
 * The pipeline: red flags first; then hybrid retrieval of similar curated cases; then GigaChat
 * choosing among them when it is configured (and not for an emergency, which needs no LLM);
 * retrieval voting otherwise or when GigaChat fails. Every triage is audited.
 */
@ApplicationScoped
public class TriageService {

    static final int CANDIDATES = 3;

    private final KnowledgeService knowledge;
    private final LlmTriage llm;
    private final AuditTrail audit;
    private final int cited;
    private final MeterRegistry metrics;
    private final Timer retrievalTimer;

    public TriageService(KnowledgeService knowledge, LlmTriage llm, AuditTrail audit, TriageConfig config,
            MeterRegistry metrics) {
        this.knowledge = knowledge;
        this.llm = llm;
        this.audit = audit;
        this.cited = config.retrieval().cited();
        this.metrics = metrics;
        this.retrievalTimer = StageTimer.of(metrics, "retrieval");
    }

    public TriageResult triage(String text, Actor actor, UUID patientId) {
        UUID id = UUID.randomUUID();
        String symptoms = text.strip();
        // The text has been read once it is here: its access record is written while retrieval
        // runs, and committed before the answer leaves.
        CompletableFuture<Void> read = audit.start(actor, patientId, id, DataAccessed.Action.READ);
        // Retrieval first only because the red-flag check reads its lexical hits; the rules run
        // before any decision, and an emergency never waits for GigaChat.
        Retrieval retrieval = retrievalTimer.record(() -> knowledge.retrieve(symptoms));
        Optional<EmergencyDetector.Verdict> red = knowledge.emergency(symptoms, retrieval);
        Decision decision;
        if (red.isEmpty() && llm.enabled()) {
            // Recorded before the call, so that no text that reached GigaChat is missing from the
            // audit (a call the breaker stops is recorded too, as before).
            audit.await(audit.start(actor, patientId, id, DataAccessed.Action.EXPORT));
            decision = llm.decide(symptoms, retrieval);
        } else {
            decision = Decision.retrieval(retrieval.best(), null);
        }
        audit.await(read);
        metrics.counter("triage.requests", "source", decision.source(), "emergency",
                String.valueOf(red.isPresent())).increment();
        return result(id, red, retrieval, decision);
    }

    private TriageResult result(UUID id, Optional<EmergencyDetector.Verdict> red, Retrieval retrieval,
            Decision decision) {
        List<TriageResult.Candidate> candidates = new ArrayList<>(CANDIDATES);
        double chosenScore = retrieval.ranking().stream().filter(c -> c.specialty().equals(decision.specialty()))
                .mapToDouble(Candidate::score).findFirst().orElse(0);
        candidates.add(new TriageResult.Candidate(decision.specialty(), round(chosenScore)));
        for (Candidate c : retrieval.ranking()) {
            if (candidates.size() == CANDIDATES) {
                break;
            }
            if (!c.specialty().equals(decision.specialty())) {
                candidates.add(new TriageResult.Candidate(c.specialty(), round(c.score())));
            }
        }
        List<TriageResult.CitedCase> citedCases = retrieval.neighbours().stream().limit(cited)
                .map(h -> new TriageResult.CitedCase(h.kbCase().id(), h.kbCase().specialty(), h.kbCase().text(),
                        round(h.score())))
                .toList();
        String name = Specialty.byCode(decision.specialty()).map(Specialty::russianName).orElse(decision.specialty());
        RedFlagCategory category = red.map(v -> knowledge.kb().categories().get(v.category())).orElse(null);
        String advice = category != null ? category.advice()
                : "Запишитесь к специалисту: " + name + ". Если станет резко хуже — звоните 103 или 112.";
        return new TriageResult(id, decision.specialty(), name, candidates, red.isPresent(),
                red.map(EmergencyDetector.Verdict::category).orElse(null), advice,
                explanation(red, category, decision, name, retrieval.neighbours()), citedCases, decision.source());
    }

    private String explanation(Optional<EmergencyDetector.Verdict> red, RedFlagCategory category, Decision decision,
            String name, List<Hit> neighbours) {
        StringBuilder out = new StringBuilder();
        if (category != null) {
            out.append("Признак неотложного состояния: ").append(category.title().toLowerCase(java.util.Locale.ROOT))
                    .append(red.get().via().equals("rule") ? " (по правилам красных флагов). " : " (по сходству со случаем "
                            + red.get().caseId() + "). ");
        }
        if (Decision.LLM.equals(decision.source())) {
            out.append("GigaChat: ").append(decision.llmExplanation() == null || decision.llmExplanation().isBlank()
                    ? name : decision.llmExplanation()).append(' ');
        } else if (decision.fallbackReason() != null) {
            out.append("GigaChat не использован (").append(decision.fallbackReason()).append("), решил поиск. ");
        }
        out.append("Специалист: ").append(name).append(". Ближайшие случаи базы знаний: ");
        List<String> ids = neighbours.stream().limit(cited).map(h -> h.kbCase().id()).toList();
        out.append(ids.isEmpty() ? "нет (в тексте нет знакомых слов)" : String.join(", ", ids)).append('.');
        return out.toString();
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
