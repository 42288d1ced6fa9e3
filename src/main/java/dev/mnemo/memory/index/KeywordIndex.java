package dev.mnemo.memory.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import dev.mnemo.memory.store.SearchKey;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * BM25 over one user's memories (English stemming and stop words), in memory, rebuilt on load: what each is about,
 * and in a second field that and the message it came from together — the one a prompt's recall searches. (Measured
 * on LoCoMo, one field for both recalls more than the message in a field of its own, at any weight.)
 */
final class KeywordIndex {
    private static final String ID = "id";
    private static final String TEXT = "text";
    private static final String WITH_CONTEXT = "with_context";
    static final int MAX_QUERY_WORDS = 256;

    private final EnglishAnalyzer analyzer = new EnglishAnalyzer();
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private DirectoryReader reader;
    private IndexSearcher searcher;

    KeywordIndex() {
        try {
            writer = new IndexWriter(directory, new IndexWriterConfig(analyzer));
            writer.commit();
            reader = DirectoryReader.open(writer);
            searcher = new IndexSearcher(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void put(String id, SearchKey key) {
        Document doc = new Document();
        doc.add(new StringField(ID, id, Field.Store.YES));
        doc.add(new TextField(TEXT, key.about(), Field.Store.NO));
        doc.add(new TextField(WITH_CONTEXT, key.context() == null ? key.about() : key.about() + "\n" + key.context(),
                Field.Store.NO));
        try {
            writer.updateDocument(new Term(ID, id), doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void remove(String id) {
        try {
            writer.deleteDocuments(new Term(ID, id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lucene refuses a query of over 1,024 clauses; a long message searches by its first words. */
    static String firstWords(String query) {
        String[] words = query.strip().split("\\s+");
        return words.length <= MAX_QUERY_WORDS ? query : String.join(" ", Arrays.copyOf(words, MAX_QUERY_WORDS));
    }

    /** Makes the writes so far searchable. */
    void refresh() {
        try {
            DirectoryReader changed = DirectoryReader.openIfChanged(reader, writer);
            if (changed != null) {
                reader.close();
                reader = changed;
                searcher = new IndexSearcher(reader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The {@code k} best BM25 matches of the query's terms (any of them), best first, in what memories are about or,
     * {@code withContext}, in that and the messages they came from. Query syntax is not parsed.
     */
    List<ScoredId> top(String query, int k, boolean withContext) {
        Query parsed = new QueryBuilder(analyzer).createBooleanQuery(withContext ? WITH_CONTEXT : TEXT,
                firstWords(query), BooleanClause.Occur.SHOULD);
        if (parsed == null) {
            return List.of();
        }
        try {
            List<ScoredId> result = new ArrayList<>(k);
            for (ScoreDoc hit : searcher.search(parsed, k).scoreDocs) {
                result.add(new ScoredId(searcher.storedFields().document(hit.doc).get(ID), hit.score));
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
