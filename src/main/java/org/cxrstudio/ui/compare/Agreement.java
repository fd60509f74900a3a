package org.cxrstudio.ui.compare;

import org.cxrstudio.core.screening.TbScore;
import org.cxrstudio.ui.Messages;

/**
 * How far two models agree on one image.
 *
 * @param scoreA      TB probability of model A (calibrated when its card has a calibration), {@code 0..1}
 * @param scoreB      TB probability of model B, likewise
 * @param positiveA   A at or above its own threshold
 * @param positiveB   B at or above its own threshold
 * @param boxIou      IoU of the union of A's boxes with the union of B's boxes, {@code 0..1};
 *                    NaN when neither has boxes
 * @param heatmapCorrelation Pearson correlation of the two heatmaps sampled on a common grid,
 *                    {@code -1..1}; NaN when either map is constant
 */
public record Agreement(double scoreA, double scoreB, boolean positiveA, boolean positiveB,
                        double boxIou, double heatmapCorrelation) {

    /** {@code scoreB - scoreA}. */
    public double scoreDifference() {
        return scoreB - scoreA;
    }

    /** Both call the image the same way at their thresholds. */
    public boolean decisionsAgree() {
        return positiveA == positiveB;
    }

    /** One line for the compare view's agreement bar; scores on the 0-100 scale. */
    public String summary() {
        String decision = !decisionsAgree() ? Messages.get("agreement.disagree")
                : Messages.get(positiveA ? "agreement.positive" : "agreement.negative");
        int a = TbScore.toScore(scoreA);
        int b = TbScore.toScore(scoreB);
        return Messages.format("agreement.summary", decision, a, b, b - a, fmt(boxIou), fmt(heatmapCorrelation));
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? Messages.get("agreement.na") : Messages.number(v, 2);
    }
}
