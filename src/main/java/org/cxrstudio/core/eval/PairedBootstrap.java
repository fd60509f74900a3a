package org.cxrstudio.core.eval;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * How sure a difference between two models' ROC AUCs on the same images is: a paired,
 * class-stratified bootstrap. Each resample draws the positives with replacement from the
 * positives and the negatives from the negatives (so both classes keep their counts), and
 * scores both models on the very same draw; the spread of {@code AUC(a) − AUC(b)} over the
 * resamples gives a percentile 95 % interval. On a few dozen validation images an interval that
 * straddles 0 says the data cannot tell the two models apart. {@link #meanDifference} does the
 * same for the mean of a per-image figure such as IoU. Pure functions, thread-safe.
 */
public final class PairedBootstrap {
    private PairedBootstrap() { }

    /**
     * @param n            images
     * @param positives    of which positive
     * @param aucA         AUC of model a on all the images
     * @param aucB         AUC of model b
     * @param difference   {@code aucA − aucB}
     * @param low          2.5th percentile of the resampled differences
     * @param high         97.5th percentile
     * @param shareABetter share of resamples in which a's AUC is higher (ties count half)
     * @param resamples    resamples drawn
     */
    public record Result(int n, int positives, double aucA, double aucB, double difference, double low, double high,
                         double shareABetter, int resamples) { }

    /**
     * @param positive  class of each image
     * @param a         model a's score of each image
     * @param b         model b's score of the same image
     * @param resamples 100 to {@link #MAX_RESAMPLES}
     * @param seed      resamples are a function of it
     * @throws OneClassException        when one class is absent
     * @throws IllegalArgumentException on length mismatch, non-finite scores or too few resamples
     */
    public static Result aucDifference(boolean[] positive, double[] a, double[] b, int resamples, long seed) {
        int n = positive.length;
        if (a.length != n || b.length != n) {
            throw new IllegalArgumentException(n + " labels but " + a.length + " and " + b.length + " scores");
        }
        checkResamples(resamples);
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(a[i]) || !Double.isFinite(b[i])) {
                throw new IllegalArgumentException("non-finite score for image " + i);
            }
        }
        int[] pos = indices(positive, true);
        int[] neg = indices(positive, false);
        if (pos.length == 0 || neg.length == 0) {
            throw new OneClassException("an AUC difference needs both classes, but all " + n + " images are "
                    + (pos.length == 0 ? "negative" : "positive"));
        }
        int[] orderA = order(a);
        int[] orderB = order(b);
        int[] w = new int[n];
        Arrays.fill(w, 1);
        double aucA = weightedAuc(a, orderA, positive, w);
        double aucB = weightedAuc(b, orderB, positive, w);
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] diffs = new double[resamples];
        double better = 0;
        for (int r = 0; r < resamples; r++) {
            Arrays.fill(w, 0);
            for (int k = 0; k < pos.length; k++) {
                w[pos[rnd.nextInt(pos.length)]]++;
            }
            for (int k = 0; k < neg.length; k++) {
                w[neg[rnd.nextInt(neg.length)]]++;
            }
            diffs[r] = weightedAuc(a, orderA, positive, w) - weightedAuc(b, orderB, positive, w);
            better += diffs[r] > 0 ? 1 : diffs[r] == 0 ? 0.5 : 0;
        }
        Arrays.sort(diffs);
        return new Result(n, pos.length, aucA, aucB, aucA - aucB, percentile(diffs, 2.5), percentile(diffs, 97.5),
                better / resamples, resamples);
    }

    /**
     * @param n            paired values
     * @param meanA        mean of a
     * @param meanB        mean of b
     * @param difference   {@code meanA − meanB}
     * @param low          2.5th percentile of the resampled differences
     * @param high         97.5th percentile
     * @param shareABetter share of resamples in which a's mean is higher (ties count half)
     * @param resamples    resamples drawn
     */
    public record MeanResult(int n, double meanA, double meanB, double difference, double low, double high,
                             double shareABetter, int resamples) { }

    /**
     * The same for the mean of a per-image figure (e.g. the IoU behind mIoU): resamples the
     * images with replacement and takes the mean of {@code a[i] − b[i]} over each draw.
     *
     * @throws IllegalArgumentException when empty, on length mismatch, non-finite values or too few resamples
     */
    public static MeanResult meanDifference(double[] a, double[] b, int resamples, long seed) {
        int n = a.length;
        if (b.length != n || n == 0) {
            throw new IllegalArgumentException("need the same non-zero number of values, got " + n + " and " + b.length);
        }
        checkResamples(resamples);
        double[] d = new double[n];
        double sumA = 0;
        double sumB = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(a[i]) || !Double.isFinite(b[i])) {
                throw new IllegalArgumentException("non-finite value for image " + i);
            }
            d[i] = a[i] - b[i];
            sumA += a[i];
            sumB += b[i];
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] diffs = new double[resamples];
        double better = 0;
        for (int r = 0; r < resamples; r++) {
            double sum = 0;
            for (int k = 0; k < n; k++) {
                sum += d[rnd.nextInt(n)];
            }
            diffs[r] = sum / n;
            better += diffs[r] > 0 ? 1 : diffs[r] == 0 ? 0.5 : 0;
        }
        Arrays.sort(diffs);
        return new MeanResult(n, sumA / n, sumB / n, sumA / n - sumB / n, percentile(diffs, 2.5),
                percentile(diffs, 97.5), better / resamples, resamples);
    }

    /**
     * ROC AUC with each image counted {@code w[i]} times (the Mann–Whitney statistic over the
     * weighted pairs, ties half), walking the images once in {@code order} (ascending score).
     */
    static double weightedAuc(double[] score, int[] order, boolean[] positive, int[] w) {
        double negBelow = 0;
        double wins = 0;
        double posTotal = 0;
        int i = 0;
        int n = order.length;
        while (i < n) {
            int j = i;
            double posHere = 0;
            double negHere = 0;
            while (j < n && score[order[j]] == score[order[i]]) {
                int k = order[j];
                if (positive[k]) {
                    posHere += w[k];
                } else {
                    negHere += w[k];
                }
                j++;
            }
            wins += posHere * (negBelow + 0.5 * negHere);
            negBelow += negHere;
            posTotal += posHere;
            i = j;
        }
        return wins / (posTotal * negBelow);
    }

    /** Most resamples accepted: a percentile interval is stable long before, and each costs memory. */
    public static final int MAX_RESAMPLES = 1_000_000;

    private static void checkResamples(int resamples) {
        if (resamples < 100 || resamples > MAX_RESAMPLES) {
            throw new IllegalArgumentException("resamples must be 100.." + MAX_RESAMPLES + ", got " + resamples);
        }
    }

    private static int[] indices(boolean[] positive, boolean value) {
        int[] out = new int[positive.length];
        int m = 0;
        for (int i = 0; i < positive.length; i++) {
            if (positive[i] == value) {
                out[m++] = i;
            }
        }
        return Arrays.copyOf(out, m);
    }

    private static int[] order(double[] score) {
        return java.util.stream.IntStream.range(0, score.length).boxed()
                .sorted((x, y) -> Double.compare(score[x], score[y])).mapToInt(Integer::intValue).toArray();
    }

    /** Nearest-rank percentile of sorted values. */
    private static double percentile(double[] sorted, double pct) {
        int rank = (int) Math.ceil(pct / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
