package org.cxrstudio.core.eval;

/**
 * The confusion counts at one threshold; a sample is called positive when
 * {@code score >= threshold}.
 *
 * @param threshold decision threshold on the score
 * @param tp true positives
 * @param fp false positives
 * @param tn true negatives
 * @param fn false negatives
 */
public record OperatingPoint(double threshold, int tp, int fp, int tn, int fn) {

    /** {@code tp / (tp + fn)}, or {@code NaN} when there are no positives. */
    public double sensitivity() {
        return tp + fn == 0 ? Double.NaN : (double) tp / (tp + fn);
    }

    /** {@code tn / (tn + fp)}, or {@code NaN} when there are no negatives. */
    public double specificity() {
        return tn + fp == 0 ? Double.NaN : (double) tn / (tn + fp);
    }
}
