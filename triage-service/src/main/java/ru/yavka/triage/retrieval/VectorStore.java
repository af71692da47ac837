package ru.yavka.triage.retrieval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import ru.yavka.triage.client.ChromaApi;
import ru.yavka.triage.config.TriageConfig;
import ru.yavka.triage.embedding.EmbeddingService;
import ru.yavka.triage.kb.KbCase;
import ru.yavka.triage.kb.KnowledgeBase;
import ru.yavka.triage.metrics.StageTimer;

/**
 * The knowledge base in ChromaDB: one collection per embedding model, tagged with the knowledge
 * base's content hash. Startup reindexes only when that hash (or the count) differs; the hash is
 * written last, so an interrupted reindex is redone on the next start.
 */
@ApplicationScoped
public class VectorStore {

    private static final Logger LOG = Logger.getLogger(VectorStore.class);
    static final String HASH = "kb_hash";

    private final ChromaApi chroma;
    private final EmbeddingService embeddings;
    private final TriageConfig.Chroma config;
    private final Timer queryTimer;
    private volatile Map<String, KbCase> cases = Map.of();
    private volatile String collectionId;

    public VectorStore(@RestClient ChromaApi chroma, EmbeddingService embeddings, TriageConfig config,
            MeterRegistry metrics) {
        this.chroma = chroma;
        this.queryTimer = StageTimer.of(metrics, "vector-query");
        this.embeddings = embeddings;
        this.config = config.chroma();
    }

    public String collectionName() {
        return config.collection() + "-" + embeddings.modelName();
    }

    /** Makes sure the collection holds this knowledge base; returns true when it had to (re)index. */
    public synchronized boolean index(KnowledgeBase kb) {
        chroma.heartbeat();
        ensureTenantAndDatabase();
        List<KbCase> all = kb.all();
        Map<String, KbCase> byId = new HashMap<>();
        all.forEach(c -> byId.put(c.id(), c));
        ChromaApi.Collection existing = find(collectionName());
        if (existing != null && existing.metadata() != null && kb.hash().equals(existing.metadata().get(HASH))
                && chroma.count(config.tenant(), config.database(), existing.id()) == all.size()) {
            this.cases = byId;
            this.collectionId = existing.id();
            LOG.infof("vector store: %s already holds knowledge base %s", collectionName(), kb.hash().substring(0, 12));
            return false;
        }
        if (existing != null) {
            chroma.deleteCollection(config.tenant(), config.database(), collectionName());
        }
        ChromaApi.Collection created = chroma.createCollection(config.tenant(), config.database(),
                new ChromaApi.CreateCollection(collectionName(), Map.of("model", embeddings.modelName()),
                        Map.of("hnsw", Map.of("space", "cosine")), true));
        long started = System.nanoTime();
        for (int from = 0; from < all.size(); from += config.batchSize()) {
            List<KbCase> batch = all.subList(from, Math.min(all.size(), from + config.batchSize()));
            List<float[]> vectors = embeddings.embed(batch.stream().map(KbCase::text).toList());
            List<Map<String, Object>> metadata = new ArrayList<>(batch.size());
            for (KbCase c : batch) {
                Map<String, Object> m = new HashMap<>();
                m.put("specialty", c.specialty());
                m.put("kind", c.kind().name());
                if (c.redFlag() != null) {
                    m.put("red_flag", c.redFlag());
                }
                metadata.add(m);
            }
            chroma.upsert(config.tenant(), config.database(), created.id(), new ChromaApi.Records(
                    batch.stream().map(KbCase::id).toList(), vectors, batch.stream().map(KbCase::text).toList(),
                    metadata));
        }
        chroma.updateCollection(config.tenant(), config.database(), created.id(),
                new ChromaApi.UpdateCollection(null, Map.of(HASH, kb.hash(), "model", embeddings.modelName())));
        this.cases = byId;
        this.collectionId = created.id();
        LOG.infof("vector store: indexed %d texts of knowledge base %s into %s in %d ms", all.size(),
                kb.hash().substring(0, 12), collectionName(), (System.nanoTime() - started) / 1_000_000);
        return true;
    }

    public boolean ready() {
        return collectionId != null;
    }

    /** The k nearest knowledge-base texts, closest first, scored by cosine similarity. */
    public List<Hit> nearest(String text, int k) {
        String id = Objects.requireNonNull(collectionId, "the vector store is not indexed yet");
        ChromaApi.Query query = new ChromaApi.Query(List.of(embeddings.embed(text)), k, null, List.of("distances"));
        ChromaApi.QueryResult result = queryTimer.record(
                () -> chroma.query(config.tenant(), config.database(), id, query));
        List<Hit> hits = new ArrayList<>(k);
        if (result.ids() == null || result.ids().isEmpty()) {
            return hits;
        }
        List<String> ids = result.ids().get(0);
        List<Double> distances = result.distances().get(0);
        for (int i = 0; i < ids.size(); i++) {
            KbCase c = cases.get(ids.get(i));
            if (c != null) {
                hits.add(new Hit(c, 1.0 - distances.get(i)));
            }
        }
        return hits;
    }

    private void ensureTenantAndDatabase() {
        if (!exists(() -> chroma.getTenant(config.tenant()))) {
            createIgnoringRace(() -> chroma.createTenant(new ChromaApi.Name(config.tenant())));
        }
        if (!exists(() -> chroma.getDatabase(config.tenant(), config.database()))) {
            createIgnoringRace(() -> chroma.createDatabase(config.tenant(), new ChromaApi.Name(config.database())));
        }
    }

    private ChromaApi.Collection find(String name) {
        try {
            return chroma.getCollection(config.tenant(), config.database(), name);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return null;
            }
            throw e;
        }
    }

    private static boolean exists(Runnable get) {
        try {
            get.run();
            return true;
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** Another replica may create the same tenant or database at the same moment: Chroma answers 409 or 500. */
    private static void createIgnoringRace(Runnable create) {
        try {
            create.run();
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status != 409 && status != 500) {
                throw e;
            }
        }
    }
}
