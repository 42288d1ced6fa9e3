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
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

/** BM25 over one user's memory texts (English stemming and stop words), in memory, rebuilt on load. */
final class KeywordIndex {
    private static final String ID = "id";
    private static final String TEXT = "text";
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

    void put(String id, String text) {
        Document doc = new Document();
        doc.add(new StringField(ID, id, Field.Store.YES));
        doc.add(new TextField(TEXT, text, Field.Store.NO));
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

    /** The {@code k} best BM25 matches of the query's terms (any of them), best first. Query syntax is not parsed. */
    List<ScoredId> top(String query, int k) {
        Query parsed = new QueryBuilder(analyzer).createBooleanQuery(TEXT, firstWords(query),
                BooleanClause.Occur.SHOULD);
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
