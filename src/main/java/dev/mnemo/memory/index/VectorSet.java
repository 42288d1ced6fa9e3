package dev.mnemo.memory.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Unit vectors in one flat array, searched exactly: a personal store holds 10^3–10^5 memories, where a
 * full scan is fast and has perfect recall. Not thread-safe: {@link UserIndex} guards it.
 */
final class VectorSet {
    /** From this many vectors on, a scan is split across cores (below, the split costs more than it saves). */
    static final int PARALLEL_FROM = 20_000;
    private static final ForkJoinPool SCANNERS =
            new ForkJoinPool(Runtime.getRuntime().availableProcessors());
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

    /**
     * The {@code k} most similar by cosine (dot product of unit vectors), best first. Large sets are scanned
     * in slices on every core; each slice keeps its own best {@code k}, and the slices' bests are merged.
     */
    List<ScoredId> top(float[] query, int k) {
        int slices = size >= PARALLEL_FROM ? Math.min(SCANNERS.getParallelism(), size / (PARALLEL_FROM / 2)) : 1;
        List<ScoredId> merged = new ArrayList<>();
        if (slices <= 1) {
            merged.addAll(scan(query, k, 0, size));
        } else {
            int step = (size + slices - 1) / slices;
            List<ForkJoinTask<List<ScoredId>>> tasks = new ArrayList<>();
            for (int from = 0; from < size; from += step) {
                int start = from;
                int end = Math.min(size, from + step);
                tasks.add(SCANNERS.submit(() -> scan(query, k, start, end)));
            }
            tasks.forEach(task -> merged.addAll(task.join()));
        }
        merged.sort((a, b) -> Double.compare(b.score(), a.score()));
        return merged.size() > k ? new ArrayList<>(merged.subList(0, k)) : merged;
    }

    private List<ScoredId> scan(float[] query, int k, int from, int to) {
        PriorityQueue<ScoredId> best = new PriorityQueue<>(k + 1, (a, b) -> Double.compare(a.score(), b.score()));
        double floor = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            double score = dot(query, i * dim);
            if (best.size() < k) {
                best.add(new ScoredId(ids[i], score));
                if (best.size() == k) {
                    floor = best.peek().score();
                }
            } else if (score > floor) {
                best.poll();
                best.add(new ScoredId(ids[i], score));
                floor = best.peek().score();
            }
        }
        return new ArrayList<>(best);
    }

    /** Eight independent sums let the CPU overlap the multiply-adds (a single sum is one long dependency chain). */
    /** The cosine of the query with one stored vector, or NaN when the id has none. */
    double similarity(float[] query, String id) {
        Integer slot = slots.get(id);
        return slot == null ? Double.NaN : dot(query, slot * dim);
    }

    private double dot(float[] q, int offset) {
        float[] d = data;
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int i = 0;
        for (; i + 7 < dim; i += 8) {
            int o = offset + i;
            s0 += q[i] * d[o];
            s1 += q[i + 1] * d[o + 1];
            s2 += q[i + 2] * d[o + 2];
            s3 += q[i + 3] * d[o + 3];
            s4 += q[i + 4] * d[o + 4];
            s5 += q[i + 5] * d[o + 5];
            s6 += q[i + 6] * d[o + 6];
            s7 += q[i + 7] * d[o + 7];
        }
        for (; i < dim; i++) {
            s0 += q[i] * d[offset + i];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }
}
