package org.cxrstudio.core.screening;

import org.cxrstudio.core.inference.ScoreCalibration;

import java.util.Locale;

/**
 * A TB result as a clinician reads it: the calibrated probability, a 0-100 score and the
 * operating threshold on the same 0-100 scale, so a screen says "TB score 72, above this clinic's
 * threshold 55" rather than a bare "1.00". The decision itself is made on the raw probability
 * ({@code rawProbability >= threshold}); the calibration is increasing, so both scales agree.
 *
 * @param rawProbability the network's output, {@code 0..1}
 * @param probability    calibrated probability ({@code = rawProbability} without a calibration), {@code 0..1}
 * @param score          {@code round(100 * probability)}, {@code 0..100}
 * @param threshold      operating threshold on the raw probability, {@code 0..1}
 * @param thresholdScore the threshold on the 0-100 scale
 * @param positive       {@code rawProbability >= threshold}
 * @param calibrated     a calibration was applied
 */
public record TbScore(double rawProbability, double probability, int score, double threshold, int thresholdScore,
                      boolean positive, boolean calibrated) {

    /**
     * @param calibration the model card's, or {@code null}
     */
    public static TbScore of(double rawProbability, double threshold, ScoreCalibration calibration) {
        double p = calibration == null ? rawProbability : calibration.apply(rawProbability);
        double t = calibration == null ? threshold : calibration.apply(threshold);
        return new TbScore(rawProbability, p, toScore(p), threshold, toScore(t), rawProbability >= threshold,
                calibration != null);
    }

    /** {@code round(100 * p)}, clamped to {@code 0..100}. */
    public static int toScore(double p) {
        return (int) Math.max(0, Math.min(100, Math.round(100 * p)));
    }

    /**
     * Console text, e.g. "TB score 72, above this clinic's threshold 55".
     *
     * @param siteThreshold the threshold is a site profile's (else the model's)
     */
    public String describe(boolean siteThreshold) {
        return String.format(Locale.ROOT, "TB score %d, %s %s threshold %d", score, positive ? "at or above" : "below",
                siteThreshold ? "this clinic's" : "the model's", thresholdScore);
    }
}
