package org.cxrstudio.core.inference;

import org.cxrstudio.core.saliency.BoxParams;
import org.cxrstudio.core.saliency.CamNormalization;

import java.util.Objects;

/**
 * How model outputs become what the user sees.
 *
 * @param threshold     operating threshold on the TB probability, {@code 0..1}, or {@code null}
 *                      for the card's threshold
 * @param boxes         box extraction parameters
 * @param normalization CAM to heatmap scaling
 */
public record PostProcessing(Double threshold, BoxParams boxes, CamNormalization normalization) {
    /** Card threshold, {@link BoxParams#DEFAULT}, min-max heatmap. */
    public static final PostProcessing DEFAULT = new PostProcessing(null, BoxParams.DEFAULT, CamNormalization.MIN_MAX);

    public PostProcessing {
        Objects.requireNonNull(boxes, "boxes");
        Objects.requireNonNull(normalization, "normalization");
        if (threshold != null && !(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in 0..1, got " + threshold);
        }
    }

    public PostProcessing withThreshold(Double t) {
        return new PostProcessing(t, boxes, normalization);
    }
}
