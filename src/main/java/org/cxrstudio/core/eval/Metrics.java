package org.cxrstudio.core.eval;

import java.util.Arrays;

/**
 * Image-level classification figures on scores and binary labels. Pure functions, thread-safe.
 * Scores may be any finite numbers (probabilities, logits); larger means "more positive".
 */
public final class Metrics {
    private Metrics() { }

    /**
     * ROC AUC as the Mann–Whitney statistic: the probability that a random positive scores
     * higher than a random negative, ties counting one half (midranks).
     *
     * @throws OneClassException when the samples hold only positives or only negatives
     * @throws IllegalArgumentException on length mismatch or a non-finite score
     */
    public static double auc(double[] scores, boolean[] positive) {
        check(scores, positive);
        int n = scores.length;
        int nPos = count(positive);
        int nNeg = n - nPos;
        if (nPos == 0 || nNeg == 0) {
            throw new OneClassException("AUC needs both classes, but all " + n + " samples are "
                    + (nPos == 0 ? "negative" : "positive"));
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double positiveRankSum = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double midrank = (i + j) / 2.0 + 1; // 1-based ranks i+1..j+1
            for (int k = i; k <= j; k++) {
                if (positive[order[k]]) {
                    positiveRankSum += midrank;
                }
            }
            i = j + 1;
        }
        return (positiveRankSum - nPos * (nPos + 1) / 2.0) / ((double) nPos * nNeg);
    }

    /** Confusion counts with "positive" meaning {@code score >= threshold}. */
    public static OperatingPoint at(double[] scores, boolean[] positive, double threshold) {
        check(scores, positive);
        int tp = 0;
        int fp = 0;
        int tn = 0;
        int fn = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean called = scores[i] >= threshold;
            if (positive[i]) {
                if (called) {
                    tp++;
                } else {
                    fn++;
                }
            } else if (called) {
                fp++;
            } else {
                tn++;
            }
        }
        return new OperatingPoint(threshold, tp, fp, tn, fn);
    }

    /**
     * The highest threshold whose sensitivity is at least {@code targetSensitivity} (local
     * calibration): the {@code k}-th highest positive score with {@code k = ceil(target * nPos)}.
     * Negatives tied with it count as false positives, so the returned operating point is the
     * one a user of that threshold would get.
     *
     * @param targetSensitivity in {@code (0, 1]}
     * @throws OneClassException when there are no positives
     */
    public static OperatingPoint forSensitivity(double[] scores, boolean[] positive, double targetSensitivity) {
        check(scores, positive);
        if (!(targetSensitivity > 0 && targetSensitivity <= 1)) {
            throw new IllegalArgumentException("target sensitivity must be in (0, 1], got " + targetSensitivity);
        }
        int nPos = count(positive);
        if (nPos == 0) {
            throw new OneClassException("a threshold for a target sensitivity needs positive samples, but all "
                    + scores.length + " are negative");
        }
        double[] pos = new double[nPos];
        int p = 0;
        for (int i = 0; i < scores.length; i++) {
            if (positive[i]) {
                pos[p++] = scores[i];
            }
        }
        Arrays.sort(pos);
        int k = (int) Math.ceil(targetSensitivity * nPos - 1e-9); // tolerate 0.9*10 = 9.000000000000002
        k = Math.max(1, Math.min(nPos, k));
        return at(scores, positive, pos[nPos - k]);
    }

    static int count(boolean[] flags) {
        int c = 0;
        for (boolean f : flags) {
            if (f) {
                c++;
            }
        }
        return c;
    }

    private static void check(double[] scores, boolean[] positive) {
        if (scores.length != positive.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + positive.length + " labels");
        }
        if (scores.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        for (double s : scores) {
            if (!Double.isFinite(s)) {
                throw new IllegalArgumentException("score is not finite: " + s);
            }
        }
    }
}
