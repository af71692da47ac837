package ru.yavka.triage.retrieval;

import java.util.List;

/**
 * What hybrid retrieval found for a text: the specialties ranked by vote (all 16, best first)
 * and the fused neighbours, best first, that the explanation cites; {@code lexicalHits} are the
 * lexical side's own, which the red-flag check reads.
 */
public record Retrieval(List<Candidate> ranking, List<Hit> neighbours, List<Hit> lexicalHits, boolean denseUsed) {

    public String best() {
        return ranking.get(0).specialty();
    }

    public List<Candidate> top(int n) {
        return ranking.subList(0, Math.min(n, ranking.size()));
    }
}
