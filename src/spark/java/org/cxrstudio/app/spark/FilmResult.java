package org.cxrstudio.app.spark;

import org.cxrstudio.core.saliency.Box;

import java.util.List;

/**
 * What scoring one film gave: a score, or the input gate's refusal.
 *
 * @param tbProbability the network's TB probability, {@code 0..1}; {@code NaN} when refused
 * @param score         the score the threshold applies to ({@code tbProbability} unless the model
 *                      card calibrates it), {@code 0..1}; {@code NaN} when refused
 * @param threshold     the operating threshold used (the card's, or the site profile's)
 * @param positive      {@code score >= threshold}; false when refused
 * @param refusal       the gate's message when the film was refused, else {@code null}
 * @param boxes         findings in original image pixels; empty unless positive
 */
record FilmResult(double tbProbability, double score, double threshold, boolean positive, String refusal,
                  List<Box> boxes) {
    FilmResult {
        boxes = List.copyOf(boxes);
    }

    static FilmResult refused(String message, double threshold) {
        return new FilmResult(Double.NaN, Double.NaN, threshold, false, message, List.of());
    }

    boolean isRefused() {
        return refusal != null;
    }
}
