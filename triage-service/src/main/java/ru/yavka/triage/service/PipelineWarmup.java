package ru.yavka.triage.service;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import ru.yavka.triage.config.TriageConfig;
import ru.yavka.triage.kb.KbCase;

/**
 * Runs the retrieval and red-flag steps over the knowledge base's own cases, each also with a
 * typo, before the service reports ready. A fresh JVM answers its first thousand or so triages
 * markedly slower (measured on 2 cores: p99 53–57 ms fresh, 27–35 ms warm), and those would be
 * the first patients after every deploy; this way the JIT compiles the lexical, fuzzy, embedding
 * and vector-store paths on made-up work. Nothing is audited: no patient's text is involved.
 */
@ApplicationScoped
public class PipelineWarmup {

    private static final Logger LOG = Logger.getLogger(PipelineWarmup.class);
    /**
     * The vowel before the last two or three letters of a word of seven or more: dropping it makes
     * a misspelling that only fuzzy matching catches.
     */
    private static final Pattern LATE_VOWEL = Pattern.compile("(?U)\\b(\\w{4,})[аеиоуыэюя](\\w{2,3})\\b");

    private final KnowledgeService knowledge;
    private final int requests;
    private final AtomicBoolean done = new AtomicBoolean();

    public PipelineWarmup(KnowledgeService knowledge, TriageConfig config) {
        this.knowledge = knowledge;
        this.requests = config.warmupRequests();
    }

    /** After KnowledgeService's own start (indexing), so that the dense side is warmed too. */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) StartupEvent event) {
        Thread warmup = new Thread(this::run, "triage-warmup");
        warmup.setDaemon(true);
        warmup.start();
    }

    public boolean done() {
        return done.get();
    }

    public int requests() {
        return requests;
    }

    void run() {
        long started = System.nanoTime();
        List<String> texts = texts(knowledge.kb().cases(), requests);
        try {
            for (String text : texts) {
                knowledge.emergency(text, knowledge.retrieve(text));
            }
            LOG.infof("triage pipeline warmed up: %d requests in %d ms", texts.size(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            // A slower first hour is better than a service that never becomes ready.
            LOG.warnf("triage warm-up stopped early: %s", e.toString());
        } finally {
            done.set(true);
        }
    }

    /** {@code count} texts: the cases in turn, every other one with a typo. */
    static List<String> texts(List<KbCase> cases, int count) {
        if (cases.isEmpty()) {
            return List.of();
        }
        return IntStream.range(0, count).mapToObj(i -> {
            String text = cases.get((i / 2) % cases.size()).text();
            return i % 2 == 0 ? text : misspelled(text);
        }).toList();
    }

    static String misspelled(String text) {
        return LATE_VOWEL.matcher(text).replaceAll("$1$2");
    }
}
