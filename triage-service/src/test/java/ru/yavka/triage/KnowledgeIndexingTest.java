package ru.yavka.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import ru.yavka.contracts.events.Specialty;
import ru.yavka.triage.client.ChromaApi;
import ru.yavka.triage.kb.KbCase;
import ru.yavka.triage.kb.KnowledgeBase;
import ru.yavka.triage.retrieval.VectorStore;
import ru.yavka.triage.service.KnowledgeService;

/** The knowledge base is indexed into the real Chroma at startup, and again only when its hash changes. */
@QuarkusTest
class KnowledgeIndexingTest {

    @Inject
    KnowledgeService knowledge;

    @Inject
    VectorStore vectors;

    @Inject
    @RestClient
    ChromaApi chroma;

    @Test
    void theKnowledgeBaseHasEnoughCasesPerSpecialtyAndEveryCategoryHasRules() {
        KnowledgeBase kb = knowledge.kb();
        for (Specialty s : Specialty.values()) {
            assertThat(kb.cases().stream().filter(c -> c.specialty().equals(s.code())).count())
                    .as(s.code()).isGreaterThanOrEqualTo(KnowledgeBase.MIN_CASES_PER_SPECIALTY);
        }
        for (String category : kb.categories().keySet()) {
            assertThat(kb.rules()).as(category).anyMatch(r -> r.category().equals(category));
            assertThat(kb.redFlagExamples()).as(category).anyMatch(c -> category.equals(c.redFlag()));
        }
    }

    @Test
    void noCuratedCaseLooksLikeAnEmergencyAndEveryRedFlagExampleDoes() {
        assertThat(knowledge.kb().cases()).noneMatch(c -> knowledge.emergency(c.text()).isPresent());
        assertThat(knowledge.kb().redFlagExamples())
                .allMatch(c -> knowledge.emergency(c.text()).map(v -> v.category().equals(c.redFlag())).orElse(false));
    }

    @Test
    void startupIndexedOnceAndAnUnchangedKnowledgeBaseIsNotReindexed() {
        assertThat(knowledge.denseReady()).isTrue();
        assertThat(vectors.index(knowledge.kb())).as("same hash: no reindex").isFalse();
        ChromaApi.Collection collection = chroma.getCollection(ChromaRunDatabase.TENANT, ChromaRunDatabase.database(),
                vectors.collectionName());
        assertThat(collection.metadata()).containsEntry("kb_hash", knowledge.kb().hash());
        assertThat(chroma.count(ChromaRunDatabase.TENANT, ChromaRunDatabase.database(), collection.id()))
                .isEqualTo(knowledge.kb().all().size());
    }

    @Test
    void aChangedHashIsReindexed() {
        ChromaApi.Collection collection = chroma.getCollection(ChromaRunDatabase.TENANT, ChromaRunDatabase.database(),
                vectors.collectionName());
        chroma.updateCollection(ChromaRunDatabase.TENANT, ChromaRunDatabase.database(), collection.id(),
                new ChromaApi.UpdateCollection(null, Map.of("kb_hash", "an-older-knowledge-base")));
        assertThat(vectors.index(knowledge.kb())).isTrue();
        ChromaApi.Collection again = chroma.getCollection(ChromaRunDatabase.TENANT, ChromaRunDatabase.database(),
                vectors.collectionName());
        assertThat(again.metadata()).containsEntry("kb_hash", knowledge.kb().hash());
        assertThat(chroma.count(ChromaRunDatabase.TENANT, ChromaRunDatabase.database(), again.id()))
                .isEqualTo(knowledge.kb().all().size());
        assertThat(vectors.nearest("болит горло и заложен нос", 5)).hasSize(5);
    }

    @Test
    void theEvaluationSetSharesNoCaseWithTheKnowledgeBase() {
        Set<String> kb = new HashSet<>();
        for (KbCase c : knowledge.kb().all()) {
            kb.add(key(c.text()));
        }
        List<EvalSet.Item> items = EvalSet.load();
        assertThat(items).hasSizeGreaterThan(200);
        assertThat(items).noneMatch(item -> kb.contains(key(item.text())));
    }

    private static String key(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).replace('ё', 'е')
                .replaceAll("[^\\p{L}\\p{N}]+", "");
    }
}
