package org.cxrstudio.core.gatebuild;

import java.util.Arrays;

/**
 * Mean cosine distance of unit feature vectors to their {@code k} nearest bank vectors, in
 * Java, to measure many inputs from cached features; the gate graph computes the same with
 * MatMul + TopK (the build checks that the two agree). Thread-safe (immutable).
 */
final class Knn {
    private final float[] bank;
    private final int size;
    private final int dim;
    private final int k;

    /** @param bank unit vectors, row-major {@code [size, dim]} */
    Knn(float[] bank, int size, int dim, int k) {
        if (bank.length != size * dim || k < 1 || k > size) {
            throw new IllegalArgumentException("bank of " + bank.length + " floats is not " + size + "x" + dim
                    + " or k=" + k + " out of range");
        }
        this.bank = bank;
        this.size = size;
        this.dim = dim;
        this.k = k;
    }

    /** @param f a unit vector of length {@code dim}; @return {@code 1 - mean of the k largest cosines} */
    double distance(float[] f) {
        return distance(f, -1);
    }

    /** As {@link #distance(float[])} but ignoring bank row {@code skip} (leave-one-out). */
    double distance(float[] f, int skip) {
        double[] top = new double[k];
        Arrays.fill(top, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < size; i++) {
            if (i == skip) {
                continue;
            }
            double s = 0;
            int o = i * dim;
            for (int j = 0; j < dim; j++) {
                s += f[j] * bank[o + j];
            }
            if (s > top[k - 1]) {
                int p = k - 1;
                while (p > 0 && top[p - 1] < s) {
                    top[p] = top[p - 1];
                    p--;
                }
                top[p] = s;
            }
        }
        double mean = 0;
        for (double t : top) {
            mean += t;
        }
        return 1 - mean / k;
    }

    /** The value at quantile {@code q} ({@code 0..1}) of {@code values}, nearest-rank (upper). */
    static double quantile(double[] values, double q) {
        double[] s = values.clone();
        Arrays.sort(s);
        int idx = (int) Math.ceil(q * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, idx))];
    }
}
