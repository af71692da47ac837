package ru.yavka.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ru.yavka.triage.embedding.Embedder;
import ru.yavka.triage.embedding.ModelFiles;
import ru.yavka.triage.retrieval.RussianText;

/** The real ONNX model (all-MiniLM-L6-v2 from the langchain4j jar) through DJL: no Quarkus needed. */
class EmbedderTest {

    private static Embedder embedder;

    @BeforeAll
    static void load() {
        embedder = new Embedder(ModelFiles.folder(Optional.empty()), 128, 1, 1);
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    @Test
    void vectorsAreMeanPooledAndUnitLength() {
        assertThat(embedder.dimension()).isEqualTo(384);
        float[] v = embedder.embed("headache and nausea");
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        assertThat(Math.sqrt(norm)).isCloseTo(1.0, within(1e-4));
    }

    @Test
    void aBatchGivesTheSameVectorsAsOneByOne() {
        List<String> texts = List.of("sore throat", "my knee hurts when I climb the stairs and it clicks", "rash");
        List<float[]> batch = embedder.embed(texts);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(Embedder.cosine(batch.get(i), embedder.embed(texts.get(i)))).isCloseTo(1.0, within(1e-4));
        }
    }

    @Test
    void meaningDecidesInEnglish() {
        float[] headache = embedder.embed("I have a strong headache and feel sick");
        float[] migraine = embedder.embed("migraine with throbbing pain in the temples");
        float[] knee = embedder.embed("my knee hurts when walking");
        assertThat(Embedder.cosine(headache, migraine)).isGreaterThan(Embedder.cosine(headache, knee));
    }

    @Test
    void transliterationGivesRussianWordPieces() {
        assertThat(RussianText.transliterate("Болит голова, тошнит")).isEqualTo("bolit golova, toshnit");
        float[] a = embedder.embed(RussianText.transliterate("болит голова и тошнит"));
        float[] b = embedder.embed(RussianText.transliterate("голова болит, подташнивает"));
        float[] c = embedder.embed(RussianText.transliterate("чешется кожа на руках"));
        assertThat(Embedder.cosine(a, b)).isGreaterThan(Embedder.cosine(a, c));
    }
}
