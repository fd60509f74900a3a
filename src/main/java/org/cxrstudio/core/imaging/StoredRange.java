package org.cxrstudio.core.imaging;

import java.util.Arrays;

/**
 * Range statistics over stored pixel values, used to build lookup tables and default windows.
 * Histogram-based for the usual 8–16-bit ranges (linear time); a sorted sample otherwise.
 */
final class StoredRange {
    /** Largest value span for which a histogram is used. */
    static final int HISTOGRAM_SPAN = 1 << 22;
    private static final int SAMPLE = 1 << 20;

    private StoredRange() { }

    /** {@code [min, max]} of the values; {@code [0, 0]} for an empty array. */
    static int[] minMax(int[] px) {
        if (px.length == 0) {
            return new int[] {0, 0};
        }
        int min = px[0];
        int max = px[0];
        for (int v : px) {
            if (v < min) {
                min = v;
            } else if (v > max) {
                max = v;
            }
        }
        return new int[] {min, max};
    }

    /**
     * The values at two percentiles (0–100, nearest rank).
     *
     * @return {@code [low, high]}
     */
    static int[] percentiles(int[] px, double lowPct, double highPct) {
        int[] mm = minMax(px);
        long span = (long) mm[1] - mm[0] + 1;
        if (px.length == 0 || span == 1) {
            return mm;
        }
        if (span <= HISTOGRAM_SPAN) {
            int[] hist = new int[(int) span];
            for (int v : px) {
                hist[v - mm[0]]++;
            }
            return new int[] {rank(hist, mm[0], rankOf(px.length, lowPct)), rank(hist, mm[0], rankOf(px.length, highPct))};
        }
        int step = Math.max(1, px.length / SAMPLE);
        int[] sample = new int[(px.length + step - 1) / step];
        for (int i = 0, j = 0; j < sample.length; i += step, j++) {
            sample[j] = px[i];
        }
        Arrays.sort(sample);
        return new int[] {sample[(int) rankOf(sample.length, lowPct)], sample[(int) rankOf(sample.length, highPct)]};
    }

    private static long rankOf(int n, double pct) {
        return Math.max(0, Math.min(n - 1L, (long) Math.floor(pct / 100.0 * (n - 1))));
    }

    private static int rank(int[] hist, int min, long rank) {
        long seen = 0;
        for (int i = 0; i < hist.length; i++) {
            seen += hist[i];
            if (seen > rank) {
                return min + i;
            }
        }
        return min + hist.length - 1;
    }
}
