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

    /** Threshold source: the model card's threshold. */
    public static final String MODEL_CARD = "model card";
    /** Threshold source prefix: a site profile's threshold ({@code "site profile <label>"}). */
    public static final String SITE_PROFILE = "site profile";
    /** Threshold source: a threshold the user set ({@code --threshold}, the viewer's slider). */
    public static final String USER = "user";

    /**
     * Console text, e.g. "TB score 72, at or above this clinic's threshold 55".
     *
     * @param siteThreshold the threshold is a site profile's (else the model's)
     */
    public String describe(boolean siteThreshold) {
        return describe(siteThreshold ? SITE_PROFILE : MODEL_CARD);
    }

    /**
     * The result against the threshold in the words of where the threshold came from: "TB score 72,
     * at or above this clinic's threshold 55" (a source starting with {@link #SITE_PROFILE}), "… the
     * model's threshold 48" ({@link #MODEL_CARD} or empty), "… the chosen threshold 40" (anything
     * else, e.g. {@code "user (--threshold)"}). The console, the PDF report and the burned-in
     * caption all use it.
     */
    public String describe(String thresholdSource) {
        return String.format(Locale.ROOT, "TB score %d, %s %s threshold %d", score, positive ? "at or above" : "below",
                owner(thresholdSource), thresholdScore);
    }

    private static String owner(String source) {
        if (source == null || source.isBlank() || source.startsWith(MODEL_CARD)) {
            return "the model's";
        }
        return source.startsWith(SITE_PROFILE) ? "this clinic's" : "the chosen";
    }
}
