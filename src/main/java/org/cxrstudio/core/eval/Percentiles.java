package org.cxrstudio.core.eval;

import java.util.Arrays;

/**
 * Nearest-rank percentiles, the one definition every benchmark uses: the p-th percentile of n
 * values is the ⌈p/100 · n⌉-th smallest (the smallest for p = 0), so it is always one of the
 * values measured.
 */
public final class Percentiles {
    private Percentiles() {
    }

    /**
     * @param values at least one value; not changed
     * @param pct    0..100
     * @throws IllegalArgumentException for no values or a percentage outside 0..100
     */
    public static double of(double[] values, double pct) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        if (!(pct >= 0 && pct <= 100)) {
            throw new IllegalArgumentException("percentile must be 0..100, got " + pct);
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int rank = (int) Math.ceil(pct / 100 * v.length);
        return v[Math.max(0, Math.min(v.length - 1, rank - 1))];
    }

    /** The 50th percentile, {@code of(values, 50)}. */
    public static double median(double[] values) {
        return of(values, 50);
    }
}
