package ru.yavka.triage.service;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import ru.yavka.triage.config.TriageConfig;
import ru.yavka.triage.kb.KnowledgeBase;
import ru.yavka.triage.retrieval.EmergencyDetector;
import ru.yavka.triage.retrieval.Hit;
import ru.yavka.triage.retrieval.HybridRetriever;
import ru.yavka.triage.retrieval.Mode;
import ru.yavka.triage.retrieval.Retrieval;
import ru.yavka.triage.retrieval.VectorStore;

/**
 * The knowledge base with its two indexes: Lucene in memory (built at startup, always there)
 * and the vector collection in ChromaDB (indexed at startup when the content hash changed).
 * When Chroma is away at startup, triage answers from the lexical side and indexing is retried.
 */
@ApplicationScoped
public class KnowledgeService {

    private static final Logger LOG = Logger.getLogger(KnowledgeService.class);

    private final KnowledgeBase kb;
    private final VectorStore vectors;
    private final HybridRetriever retriever;
    private final EmergencyDetector emergencies;
    private final Mode mode;
    private final AtomicBoolean indexed = new AtomicBoolean();
    /** Runs each request's dense side while its lexical side runs on the request thread. */
    private final ExecutorService denseSide = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "triage-dense");
        t.setDaemon(true);
        return t;
    });

    public KnowledgeService(VectorStore vectors, TriageConfig config) {
        this.kb = KnowledgeBase.load();
        this.vectors = vectors;
        TriageConfig.Retrieval r = config.retrieval();
        this.mode = Mode.of(r.mode());
        this.retriever = new HybridRetriever(kb, this::nearest, new HybridRetriever.Settings(r.lexicalK(), r.denseK(),
                r.voters(), r.lexicalWeight(), r.denseWeight(), r.descriptionWeight(), r.profileWeight()), denseSide);
        this.emergencies = new EmergencyDetector(kb, retriever.lexical());
        LOG.infof("knowledge base %s: %d cases, %d red-flag examples, %d rules", kb.hash().substring(0, 12),
                kb.cases().size(), kb.redFlagExamples().size(), kb.rules().size());
    }

    void onStart(@Observes StartupEvent event) {
        indexIfNeeded();
    }

    @Scheduled(every = "30s", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retryIndexing() {
        if (!indexed.get()) {
            indexIfNeeded();
        }
    }

    /** Indexes into the vector store unless it already holds this knowledge base; true once done. */
    public boolean indexIfNeeded() {
        try {
            vectors.index(kb);
            indexed.set(true);
        } catch (RuntimeException e) {
            LOG.warnf("vector store not indexed (%s); lexical retrieval answers alone until it is", e.toString());
        }
        return indexed.get();
    }

    public boolean denseReady() {
        return indexed.get();
    }

    public KnowledgeBase kb() {
        return kb;
    }

    public Retrieval retrieve(String text) {
        return retriever.retrieve(text, mode);
    }

    public Retrieval retrieve(String text, Mode mode) {
        return retriever.retrieve(text, mode);
    }

    public Optional<EmergencyDetector.Verdict> emergency(String text) {
        return emergencies.check(text);
    }

    /** The red-flag check reading the lexical hits a retrieval of the same text already has. */
    public Optional<EmergencyDetector.Verdict> emergency(String text, Retrieval retrieval) {
        return emergencies.check(text, retrieval.lexicalHits().isEmpty() ? null : retrieval.lexicalHits());
    }

    @PreDestroy
    void stop() {
        denseSide.shutdownNow();
    }

    private List<Hit> nearest(String text, int k) {
        if (!indexed.get()) {
            throw new IllegalStateException("vector store not indexed");
        }
        return vectors.nearest(text, k);
    }
}
