package dev.mnemo.memory.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Unit vectors in one flat array, searched exactly: a personal store holds 10^3–10^5 memories, where a
 * full scan is fast and has perfect recall. Not thread-safe: {@link UserIndex} guards it.
 */
final class VectorSet {
    private final int dim;
    private float[] data;
    private String[] ids;
    private int size;
    private final Map<String, Integer> slots = new HashMap<>();

    VectorSet(int dim, int capacity) {
        this.dim = dim;
        this.data = new float[Math.max(16, capacity) * dim];
        this.ids = new String[Math.max(16, capacity)];
    }

    int size() {
        return size;
    }

    void put(String id, float[] vector) {
        if (vector.length != dim) {
            throw new IllegalArgumentException("vector of " + vector.length + " dimensions in a " + dim + "-d set");
        }
        Integer slot = slots.get(id);
        if (slot == null) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
                data = Arrays.copyOf(data, size * 2 * dim);
            }
            slot = size++;
            slots.put(id, slot);
            ids[slot] = id;
        }
        System.arraycopy(vector, 0, data, slot * dim, dim);
    }

    void remove(String id) {
        Integer slot = slots.remove(id);
        if (slot == null) {
            return;
        }
        int last = --size;
        if (slot != last) {
            ids[slot] = ids[last];
            System.arraycopy(data, last * dim, data, slot * dim, dim);
            slots.put(ids[slot], slot);
        }
        ids[last] = null;
    }

    float[] get(String id) {
        Integer slot = slots.get(id);
        return slot == null ? null : Arrays.copyOfRange(data, slot * dim, slot * dim + dim);
    }

    /** The {@code k} most similar by cosine (dot product of unit vectors), best first. */
    List<ScoredId> top(float[] query, int k) {
        PriorityQueue<ScoredId> best = new PriorityQueue<>(k + 1, (a, b) -> Double.compare(a.score(), b.score()));
        for (int i = 0; i < size; i++) {
            double score = dot(query, i * dim);
            if (best.size() < k) {
                best.add(new ScoredId(ids[i], score));
            } else if (score > best.peek().score()) {
                best.poll();
                best.add(new ScoredId(ids[i], score));
            }
        }
        List<ScoredId> result = new ArrayList<>(best);
        result.sort((a, b) -> Double.compare(b.score(), a.score()));
        return result;
    }

    /** Four independent sums let the CPU overlap the multiply-adds. */
    private double dot(float[] q, int offset) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 3 < dim; i += 4) {
            s0 += q[i] * data[offset + i];
            s1 += q[i + 1] * data[offset + i + 1];
            s2 += q[i + 2] * data[offset + i + 2];
            s3 += q[i + 3] * data[offset + i + 3];
        }
        for (; i < dim; i++) {
            s0 += q[i] * data[offset + i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
