package dev.mnemo.memory.index;

import dev.mnemo.memory.store.SearchKey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One user's searchable memories: exact cosine over their vectors and BM25 over their texts. Holds only
 * ids, vectors and texts; everything that changes on use (strength, access) stays in the database.
 */
public final class UserIndex {
    private final String model;
    private final VectorSet vectors;
    private final KeywordIndex keywords = new KeywordIndex();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile long generation;

    UserIndex(String model, int dim, long generation, Map<String, SearchKey> texts, Map<String, float[]> vectorsById) {
        this.model = model;
        this.generation = generation;
        this.vectors = new VectorSet(dim, texts.size());
        texts.forEach(keywords::put);
        vectorsById.forEach((id, vector) -> {
            if (texts.containsKey(id)) {
                vectors.put(id, vector);
            }
        });
        keywords.refresh();
    }

    public String model() {
        return model;
    }

    public long generation() {
        return generation;
    }

    public int vectorCount() {
        lock.readLock().lock();
        try {
            return vectors.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    public List<ScoredId> nearest(float[] query, int k) {
        lock.readLock().lock();
        try {
            return vectors.top(query, k);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** BM25 over what memories are about, and {@code withContext} the messages they came from too. */
    public List<ScoredId> keyword(String query, int k, boolean withContext) {
        lock.readLock().lock();
        try {
            return keywords.top(query, k, withContext);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The cosine of the query with a memory's vector, or NaN when it has none. */
    public double similarity(float[] query, String id) {
        lock.readLock().lock();
        try {
            return vectors.similarity(query, id);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The stored vector of a memory, or null. */
    public float[] vector(String id) {
        lock.readLock().lock();
        try {
            return vectors.get(id);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Applies this instance's own write; {@code newGeneration} is the generation it produced. */
    void apply(Map<String, SearchKey> upserts, Map<String, float[]> upsertVectors, List<String> removals,
               long newGeneration) {
        lock.writeLock().lock();
        try {
            upserts.forEach(keywords::put);
            upsertVectors.forEach(vectors::put);
            removals.forEach(id -> {
                keywords.remove(id);
                vectors.remove(id);
            });
            keywords.refresh();
            generation = newGeneration;
        } finally {
            lock.writeLock().unlock();
        }
    }
}
