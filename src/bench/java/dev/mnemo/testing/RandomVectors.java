package dev.mnemo.testing;

import java.util.Random;

/** Unit vectors in random directions: embeddings for benchmarks whose memories' meaning does not matter. */
public final class RandomVectors {
    private RandomVectors() {
    }

    public static float[] unit(Random random, int dim) {
        float[] v = new float[dim];
        double norm = 0;
        for (int i = 0; i < dim; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < dim; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }
}
