package ru.yavka.triage.embedding;

import java.util.List;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import ru.yavka.triage.config.TriageConfig;
import ru.yavka.triage.metrics.StageTimer;
import ru.yavka.triage.retrieval.RussianText;

/** The configured model, loaded once; texts are transliterated first when the model is English-only. */
@ApplicationScoped
public class EmbeddingService {

    private static final Logger LOG = Logger.getLogger(EmbeddingService.class);

    private final Embedder embedder;
    private final TriageConfig.Model config;
    private final Timer timer;

    public EmbeddingService(TriageConfig config, MeterRegistry metrics) {
        this.config = config.model();
        this.timer = StageTimer.of(metrics, "embedding");
        long started = System.nanoTime();
        this.embedder = new Embedder(ModelFiles.folder(this.config.dir()), this.config.maxTokens(),
                this.config.predictors(), this.config.intraOpThreads());
        LOG.infof("embedding model %s loaded (%d dimensions) in %d ms", this.config.name(), embedder.dimension(),
                (System.nanoTime() - started) / 1_000_000);
    }

    public float[] embed(String text) {
        return timer.record(() -> embedder.embed(prepare(text)));
    }

    public List<float[]> embed(List<String> texts) {
        return embedder.embed(texts.stream().map(this::prepare).toList());
    }

    public int dimension() {
        return embedder.dimension();
    }

    public String modelName() {
        return config.name();
    }

    private String prepare(String text) {
        return config.transliterate() ? RussianText.transliterate(text) : text;
    }

    @PreDestroy
    void close() {
        embedder.close();
    }
}
