package ru.yavka.triage.retrieval;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import ru.yavka.triage.kb.KbCase;
import ru.yavka.triage.kb.KnowledgeBase;
import ru.yavka.triage.kb.RedFlagRule;

/**
 * Red flags, checked before anything else, two ways:
 * <ul>
 * <li>rules: patterns over the normalised text, written per category in
 * {@code kb/red-flag-rules.tsv} (with exclusions such as "в детстве" that keep a rule quiet);</li>
 * <li>retrieval: the text's closest lexical neighbour is a red-flag example and shares most of
 * its words with it.</li>
 * </ul>
 * Missing an emergency is the worst error, a false alarm the second worst: rules carry recall,
 * the retrieval side only fires on a close match.
 */
public final class EmergencyDetector {

    /** Share of a red-flag example's stems the text must contain for the retrieval side to fire. */
    private static final double MIN_COVERAGE = 0.75;
    private static final int MIN_SHARED_STEMS = 3;

    public record Verdict(String category, String via, String caseId) {
    }

    private final KnowledgeBase kb;
    private final LexicalIndex redFlagIndex;

    public EmergencyDetector(KnowledgeBase kb, LexicalIndex index) {
        this.kb = kb;
        this.redFlagIndex = index;
    }

    public Optional<Verdict> check(String text) {
        return check(text, null);
    }

    /** As {@link #check(String)}, reusing the lexical hits retrieval already found for the text. */
    public Optional<Verdict> check(String text, List<Hit> lexicalHits) {
        String normalized = RussianText.normalize(text);
        for (RedFlagRule rule : kb.rules()) {
            if (rule.pattern().matcher(normalized).find() && !excluded(rule.group(), normalized)) {
                return Optional.of(new Verdict(rule.category(), "rule", null));
            }
        }
        List<Hit> hits = lexicalHits != null ? lexicalHits : redFlagIndex.search(text, 3);
        if (hits.isEmpty() || !hits.get(0).kbCase().isRedFlag()) {
            return Optional.empty();
        }
        KbCase example = hits.get(0).kbCase();
        if (excluded(example.redFlag(), normalized)) {
            return Optional.empty();
        }
        Set<String> textStems = new HashSet<>(RussianText.tokens(RussianText.stems(), text));
        Set<String> exampleStems = new HashSet<>(RussianText.tokens(RussianText.stems(), example.text()));
        int shared = 0;
        for (String stem : exampleStems) {
            if (textStems.contains(stem)) {
                shared++;
            }
        }
        if (shared >= MIN_SHARED_STEMS && shared >= MIN_COVERAGE * exampleStems.size()) {
            return Optional.of(new Verdict(example.redFlag(), "retrieval", example.id()));
        }
        return Optional.empty();
    }

    private boolean excluded(String group, String normalized) {
        for (RedFlagRule exclusion : kb.exclusions()) {
            if ((exclusion.group().equals(group) || exclusion.group().equals("*"))
                    && exclusion.pattern().matcher(normalized).find()) {
                return true;
            }
        }
        return false;
    }
}
