package ru.yavka.triage.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

import ru.yavka.triage.kb.KbCase;

/**
 * BM25 over the knowledge base in memory, Russian-aware: Snowball stems, a sound skeleton for
 * misspellings, and fuzzy matching (one or two edits) for stems the knowledge base never uses.
 * Built once at startup; searching is thread-safe.
 */
public final class LexicalIndex {

    static final String ID = "id";
    static final String STEMS = "stems";
    static final String SOUNDS = "sounds";

    /** How much each kind of match counts next to an exact stem. */
    private static final float SOUND_BOOST = 0.6f;
    private static final float FUZZY_BOOST = 0.5f;
    private static final int MAX_FUZZY = 30;

    /** The case behind each document, read once: stored fields are slow and allocate on every read. */
    private final KbCase[] byDoc;
    /** Every stem the index holds, so a query tells known stems from unknown without seeking the terms. */
    private final Set<String> vocabulary = new HashSet<>();
    private final IndexSearcher searcher;
    private final DirectoryReader reader;

    public LexicalIndex(List<KbCase> cases) {
        Map<String, KbCase> byId = cases.stream().collect(Collectors.toMap(KbCase::id, Function.identity()));
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        PerFieldAnalyzerWrapper analyzer = new PerFieldAnalyzerWrapper(RussianText.stems(),
                Map.of(SOUNDS, RussianText.sounds()));
        try (IndexWriter writer = new IndexWriter(directory,
                new IndexWriterConfig(analyzer).setSimilarity(new BM25Similarity()))) {
            for (KbCase c : cases) {
                Document doc = new Document();
                doc.add(new StringField(ID, c.id(), Field.Store.YES));
                doc.add(new TextField(STEMS, c.text(), Field.Store.NO));
                doc.add(new TextField(SOUNDS, c.text(), Field.Store.NO));
                writer.addDocument(doc);
            }
            writer.commit();
            this.reader = DirectoryReader.open(directory);
            this.byDoc = new KbCase[reader.maxDoc()];
            StoredFields stored = reader.storedFields();
            for (int doc = 0; doc < byDoc.length; doc++) {
                byDoc[doc] = byId.get(stored.document(doc).get(ID));
            }
            TermsEnum terms = MultiTerms.getTerms(reader, STEMS).iterator();
            for (BytesRef term = terms.next(); term != null; term = terms.next()) {
                vocabulary.add(term.utf8ToString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.searcher = new IndexSearcher(reader);
        this.searcher.setSimilarity(new BM25Similarity());
    }

    /** The k closest texts, best first; empty when the text has no word the index could use. */
    public List<Hit> search(String text, int k) {
        Query query = query(text);
        if (query == null) {
            return List.of();
        }
        try {
            ScoreDoc[] docs = searcher.search(query, k).scoreDocs;
            List<Hit> hits = new ArrayList<>(docs.length);
            for (ScoreDoc doc : docs) {
                hits.add(new Hit(byDoc[doc.doc], doc.score));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Query query(String text) {
        Set<String> stems = new LinkedHashSet<>(RussianText.tokens(RussianText.stems(), text));
        Set<String> sounds = new LinkedHashSet<>(RussianText.tokens(RussianText.sounds(), text));
        if (stems.isEmpty() && sounds.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        int clauses = 0;
        int fuzzy = 0;
        for (String stem : stems) {
            if (clauses > 300) {
                break;
            }
            if (vocabulary.contains(stem)) {
                query.add(new TermQuery(new Term(STEMS, stem)), BooleanClause.Occur.SHOULD);
            } else if (stem.length() >= 4 && fuzzy++ < MAX_FUZZY) {
                // Each fuzzy term expands to at most 8 terms: capped so a long text stays under Lucene's clause limit.
                int edits = stem.length() >= 7 ? 2 : 1;
                query.add(new BoostQuery(new FuzzyQuery(new Term(STEMS, stem), edits, 1, 8, true), FUZZY_BOOST),
                        BooleanClause.Occur.SHOULD);
            }
            clauses++;
        }
        for (String sound : sounds) {
            if (clauses > 600) {
                break;
            }
            query.add(new BoostQuery(new TermQuery(new Term(SOUNDS, sound)), SOUND_BOOST), BooleanClause.Occur.SHOULD);
            clauses++;
        }
        return query.build();
    }
}
