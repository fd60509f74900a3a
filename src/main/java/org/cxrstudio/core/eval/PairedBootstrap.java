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
        return aucDifference(positive, new double[][] {a}, new double[][] {b}, resamples, seed);
    }

    /**
     * The same for two <em>recipes</em>, each run several times (e.g. seeds): pair {@code k} is
     * run {@code a[k]} against run {@code b[k]} on the same images, and the figure is the mean over
     * the pairs of {@code AUC(a[k]) − AUC(b[k])}. Each resample draws the images once and scores
     * every run on that draw, so the interval covers the images' sampling noise of the mean
     * difference (the spread between the pairs themselves is for the caller to show). With one
     * pair this is exactly {@link #aucDifference(boolean[], double[], double[], int, long)};
     * {@link Result#aucA()} and {@link Result#aucB()} are then means over the pairs.
     *
     * @throws IllegalArgumentException also when {@code a} and {@code b} hold different numbers of runs, or none
     */
    public static Result aucDifference(boolean[] positive, double[][] a, double[][] b, int resamples, long seed) {
        int n = positive.length;
        int k = a.length;
        if (k == 0 || b.length != k) {
            throw new IllegalArgumentException("need the same non-zero number of runs, got " + k + " and " + b.length);
        }
        checkResamples(resamples);
        for (int p = 0; p < k; p++) {
            if (a[p].length != n || b[p].length != n) {
                throw new IllegalArgumentException(n + " labels but " + a[p].length + " and " + b[p].length + " scores");
            }
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(a[p][i]) || !Double.isFinite(b[p][i])) {
                    throw new IllegalArgumentException("non-finite score for image " + i);
                }
            }
        }
        int[] pos = indices(positive, true);
        int[] neg = indices(positive, false);
        if (pos.length == 0 || neg.length == 0) {
            throw new OneClassException("an AUC difference needs both classes, but all " + n + " images are "
                    + (pos.length == 0 ? "negative" : "positive"));
        }
        int[][] orderA = new int[k][];
        int[][] orderB = new int[k][];
        for (int p = 0; p < k; p++) {
            orderA[p] = order(a[p]);
            orderB[p] = order(b[p]);
        }
        int[] w = new int[n];
        Arrays.fill(w, 1);
        double aucA = meanAuc(a, orderA, positive, w);
        double aucB = meanAuc(b, orderB, positive, w);
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] diffs = new double[resamples];
        double better = 0;
        for (int r = 0; r < resamples; r++) {
            Arrays.fill(w, 0);
            for (int j = 0; j < pos.length; j++) {
                w[pos[rnd.nextInt(pos.length)]]++;
            }
            for (int j = 0; j < neg.length; j++) {
                w[neg[rnd.nextInt(neg.length)]]++;
            }
            diffs[r] = meanAuc(a, orderA, positive, w) - meanAuc(b, orderB, positive, w);
            better += diffs[r] > 0 ? 1 : diffs[r] == 0 ? 0.5 : 0;
        }
        Arrays.sort(diffs);
        return new Result(n, pos.length, aucA, aucB, aucA - aucB, percentile(diffs, 2.5), percentile(diffs, 97.5),
                better / resamples, resamples);
    }

    private static double meanAuc(double[][] runs, int[][] orders, boolean[] positive, int[] w) {
        double sum = 0;
        for (int p = 0; p < runs.length; p++) {
            sum += weightedAuc(runs[p], orders[p], positive, w);
        }
        return sum / runs.length;
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
