package ru.yavka.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import ru.yavka.triage.retrieval.Candidate;
import ru.yavka.triage.retrieval.Mode;
import ru.yavka.triage.retrieval.Retrieval;
import ru.yavka.triage.service.KnowledgeService;

/**
 * Accuracy on the evaluation set, through the real pipeline pieces (real ONNX model, real Chroma),
 * for each retrieval side alone and fused, so the numbers in the README can be reproduced. Timing is
 * not measured here: that is `./clinic bench triage`.
 */
@QuarkusTest
class EvalAccuracyTest {

    @Inject
    KnowledgeService knowledge;

    record Score(int n, double top1, double top3) {
    }

    @Test
    void hybridRetrievalMeetsTheTargetsAndEachSideIsMeasured() {
        List<EvalSet.Item> items = EvalSet.load();
        Map<Mode, Score> scores = new TreeMap<>();
        for (Mode mode : Mode.values()) {
            scores.put(mode, score(items, mode));
        }
        int emergencies = 0;
        int caught = 0;
        int specialtyCases = 0;
        int falseAlarms = 0;
        for (EvalSet.Item item : items) {
            boolean flagged = knowledge.emergency(item.text()).isPresent();
            if (item.emergency()) {
                emergencies++;
                caught += flagged ? 1 : 0;
            } else {
                specialtyCases++;
                falseAlarms += flagged ? 1 : 0;
            }
        }
        double recall = caught / (double) emergencies;
        double falseAlarm = falseAlarms / (double) specialtyCases;
        scores.forEach((mode, s) -> System.out.printf("eval %-7s n=%d top1=%.3f top3=%.3f%n", mode, s.n(), s.top1(),
                s.top3()));
        System.out.printf("eval emergencies n=%d recall=%.3f false_alarm=%.3f%n", emergencies, recall, falseAlarm);

        assertThat(scores.get(Mode.HYBRID).top1()).isGreaterThanOrEqualTo(0.90);
        assertThat(scores.get(Mode.HYBRID).top3()).isGreaterThanOrEqualTo(scores.get(Mode.HYBRID).top1());
        assertThat(recall).isEqualTo(1.0);
        assertThat(falseAlarm).isLessThanOrEqualTo(0.02);
    }

    private Score score(List<EvalSet.Item> items, Mode mode) {
        int n = 0;
        int top1 = 0;
        int top3 = 0;
        for (EvalSet.Item item : items) {
            if (item.specialty() == null) {
                continue;
            }
            n++;
            Retrieval r = knowledge.retrieve(item.text(), mode);
            top1 += r.best().equals(item.specialty()) ? 1 : 0;
            top3 += r.top(3).stream().map(Candidate::specialty).anyMatch(item.specialty()::equals) ? 1 : 0;
        }
        return new Score(n, top1 / (double) n, top3 / (double) n);
    }
}
