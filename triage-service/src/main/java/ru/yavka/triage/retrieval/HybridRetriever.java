package ru.yavka.triage.retrieval;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;

import org.jboss.logging.Logger;

import ru.yavka.contracts.events.Specialty;
import ru.yavka.triage.kb.KbCase;
import ru.yavka.triage.kb.KnowledgeBase;

/**
 * Fuses the lexical ranking (BM25 on Russian stems) with the dense one (cosine in the vector
 * store), then lets the best fused neighbours vote for their specialty. Each side's scores are
 * scaled to 0..1 against its own best hit before they are weighted and added, so neither side's
 * raw scale decides. When the dense side fails, the lexical one answers alone.
 */
public final class HybridRetriever {

    private static final Logger LOG = Logger.getLogger(HybridRetriever.class);

    /** Later voters count less: rank r weighs 1 / (1 + r * RANK_DECAY). */
    private static final double RANK_DECAY = 0.15;

    public record Settings(int lexicalK, int denseK, int voters, double lexicalWeight, double denseWeight,
            double descriptionWeight, double profileWeight) {
    }

    /** How long the lexical side waits for the dense one before answering alone. */
    private static final Duration DENSE_WAIT = Duration.ofSeconds(2);

    private final LexicalIndex lexical;
    private final LexicalIndex profiles;
    private final Executor executor;
    private final BiFunction<String, Integer, List<Hit>> dense;
    private final Settings settings;

    /** {@code dense} answers the k nearest texts for a text; it may throw when the store is away. */
    public HybridRetriever(KnowledgeBase kb, BiFunction<String, Integer, List<Hit>> dense, Settings settings) {
        this(kb, dense, settings, Runnable::run);
    }

    /** {@code executor} runs the dense side beside the lexical one. */
    public HybridRetriever(KnowledgeBase kb, BiFunction<String, Integer, List<Hit>> dense, Settings settings,
            Executor executor) {
        this.executor = executor;
        this.lexical = new LexicalIndex(kb.all());
        this.profiles = new LexicalIndex(profiles(kb));
        this.dense = dense;
        this.settings = settings;
    }

    public Retrieval retrieve(String text, Mode mode) {
        Map<String, Double> fused = new HashMap<>();
        Map<String, KbCase> cases = new HashMap<>();
        // The dense side (embedding, then a vector-store round trip) runs beside the lexical one.
        CompletableFuture<List<Hit>> denseHits = mode.dense()
                ? CompletableFuture.supplyAsync(() -> dense.apply(text, settings.denseK()), executor)
                : null;
        List<Hit> lexicalHits = mode.lexical() ? lexical.search(text, settings.lexicalK()) : List.of();
        add(lexicalHits, settings.lexicalWeight(), fused, cases);
        List<Hit> profileHits = mode.lexical() ? profiles.search(text, Specialty.values().length) : List.of();
        boolean denseUsed = false;
        if (denseHits != null) {
            try {
                add(denseHits.get(DENSE_WAIT.toMillis(), TimeUnit.MILLISECONDS), settings.denseWeight(), fused, cases);
                denseUsed = true;
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                denseHits.cancel(true);
                LOG.warnf("dense retrieval unavailable, lexical side answers alone: %s",
                        (e instanceof ExecutionException ? e.getCause() : e).toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<Hit> neighbours = new ArrayList<>(fused.size());
        fused.forEach((id, score) -> {
            KbCase c = cases.get(id);
            double weight = c.kind() == KbCase.Kind.DESCRIPTION ? settings.descriptionWeight() : 1.0;
            neighbours.add(new Hit(c, score * weight));
        });
        neighbours.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparing(h -> h.kbCase().id()));
        return new Retrieval(vote(neighbours, profileHits), neighbours, lexicalHits, denseUsed);
    }

    /** The lexical side, for the red-flag check when it has no retrieval at hand. */
    public LexicalIndex lexical() {
        return lexical;
    }

    private List<Candidate> vote(List<Hit> neighbours, List<Hit> profileHits) {
        Map<String, Double> votes = new LinkedHashMap<>();
        for (Specialty s : Specialty.values()) {
            votes.put(s.code(), 0.0);
        }
        int voters = Math.min(settings.voters(), neighbours.size());
        double neighbourVotes = 0;
        for (int r = 0; r < voters; r++) {
            Hit hit = neighbours.get(r);
            double vote = hit.score() / (1 + r * RANK_DECAY);
            votes.merge(hit.kbCase().specialty(), vote, Double::sum);
            neighbourVotes += vote;
        }
        // Each specialty's profile (its description and all its cases as one text) adds a share of
        // the same size as the neighbours' votes: it speaks for the words no single case has.
        double profileTotal = profileHits.stream().mapToDouble(Hit::score).sum();
        if (profileTotal > 0 && settings.profileWeight() > 0) {
            double scale = settings.profileWeight() * (neighbourVotes > 0 ? neighbourVotes : 1) / profileTotal;
            for (Hit hit : profileHits) {
                votes.merge(hit.kbCase().specialty(), hit.score() * scale, Double::sum);
            }
        }
        double total = votes.values().stream().mapToDouble(Double::doubleValue).sum();
        List<Candidate> ranking = new ArrayList<>(votes.size());
        // With no vote at all (no usable word), every specialty gets the same share and the therapist leads.
        votes.forEach((code, v) -> ranking.add(new Candidate(code,
                total > 0 ? v / total : (Specialty.THERAPIST.code().equals(code) ? 1.0 : 0.0))));
        ranking.sort(Comparator.comparingDouble(Candidate::score).reversed());
        return ranking;
    }

    private static List<KbCase> profiles(KnowledgeBase kb) {
        Map<String, StringBuilder> texts = new LinkedHashMap<>();
        for (KbCase c : kb.all()) {
            texts.computeIfAbsent(c.specialty(), k -> new StringBuilder()).append(c.text()).append(".\n");
        }
        List<KbCase> profiles = new ArrayList<>(texts.size());
        texts.forEach((specialty, text) -> profiles.add(
                new KbCase("profile-" + specialty, text.toString(), specialty, null, KbCase.Kind.DESCRIPTION)));
        return profiles;
    }

    private static void add(List<Hit> hits, double weight, Map<String, Double> fused, Map<String, KbCase> cases) {
        if (hits.isEmpty() || weight <= 0) {
            return;
        }
        double best = hits.get(0).score();
        double worst = hits.get(hits.size() - 1).score();
        for (Hit hit : hits) {
            // Scaled against the side's own best and worst hit: the best is 1, the last returned nearly 0.
            double scaled = best > worst ? 0.1 + 0.9 * (hit.score() - worst) / (best - worst) : 1.0;
            fused.merge(hit.kbCase().id(), weight * scaled, Double::sum);
            cases.putIfAbsent(hit.kbCase().id(), hit.kbCase());
        }
    }
}
