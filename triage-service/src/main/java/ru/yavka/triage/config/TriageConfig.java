package ru.yavka.triage.config;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "yavka.triage")
public interface TriageConfig {

    /** Longest symptom text accepted, in characters. */
    @WithDefault("2000")
    int maxTextLength();

    /** Purpose recorded in DataAccessed when the caller names none (header X-Access-Purpose). */
    @WithDefault("symptom-triage")
    String defaultPurpose();

    /**
     * Triages of made-up text (the knowledge base's cases, some misspelled) run at startup before
     * the service reports ready, so the first patients do not pay for the JIT. 0 turns it off.
     */
    @WithDefault("800")
    int warmupRequests();

    Model model();

    Chroma chroma();

    Retrieval retrieval();

    interface Model {

        /**
         * Folder with {@code model.onnx} and {@code tokenizer.json} (production: rubert-tiny2).
         * Empty: the all-MiniLM-L6-v2 files read out of the langchain4j jar on the classpath.
         */
        Optional<Path> dir();

        /** Names the model in the vector collection, so that vectors of two models never mix. */
        @WithDefault("all-minilm-l6-v2")
        String name();

        /**
         * Write Cyrillic in Latin letters before embedding. The default model's vocabulary is
         * English: in Latin letters a Russian word becomes a few word pieces instead of single
         * letters, which gives the dense side some spelling-level similarity. Off for a Russian model.
         */
        @WithDefault("true")
        boolean transliterate();

        @WithDefault("128")
        int maxTokens();

        /** Predictors (each single-threaded in ONNX Runtime) that serve requests at once. */
        @WithDefault("2")
        int predictors();

        @WithDefault("1")
        int intraOpThreads();
    }

    interface Chroma {

        @WithDefault("yavka")
        String tenant();

        @WithDefault("triage")
        String database();

        /** The model name and a short hash of the knowledge base are appended to it. */
        @WithDefault("triage-kb")
        String collection();

        @WithDefault("64")
        int batchSize();
    }

    interface Retrieval {

        /** hybrid, lexical or dense: which sides vote (the last two exist to measure each side). */
        @WithDefault("hybrid")
        String mode();

        @WithDefault("30")
        int lexicalK();

        @WithDefault("30")
        int denseK();

        /** How many fused neighbours vote for a specialty. */
        @WithDefault("8")
        int voters();

        /** How many cases the explanation (and a GigaChat prompt) cites. */
        @WithDefault("5")
        int cited();

        @WithDefault("1.0")
        double lexicalWeight();

        /**
         * Small on purpose: with the English default model the dense side is a spelling-level
         * signal that only breaks near-ties (see README for what each side adds). Raise it for rubert-tiny2.
         */
        @WithDefault("0.2")
        double denseWeight();

        /** Weight of the specialty descriptions next to the cases. */
        @WithDefault("0.6")
        double descriptionWeight();

        /** Weight of each specialty's whole profile (description and cases as one text) next to the neighbours. */
        @WithDefault("1.0")
        double profileWeight();
    }
}
