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
    /**
     * Card threshold, {@link BoxParams#DEFAULT}, min-max heatmap. Ignores the card's box
     * parameters: to use a model as its card says, take {@link TbModel#postProcessing()}.
     */
    public static final PostProcessing DEFAULT = new PostProcessing(null, BoxParams.DEFAULT, CamNormalization.MIN_MAX);

    public PostProcessing {
        Objects.requireNonNull(boxes, "boxes");
        Objects.requireNonNull(normalization, "normalization");
        if (threshold != null && !(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in 0..1, got " + threshold);
        }
    }

    /**
     * The card's threshold, the card's box parameters ({@link ModelCard#boxParams()}, which are
     * {@link BoxParams#DEFAULT} for a card without {@code postprocessing}), min-max heatmap.
     */
    public static PostProcessing of(ModelCard card) {
        return new PostProcessing(null, card.boxParams(), CamNormalization.MIN_MAX);
    }

    public PostProcessing withThreshold(Double t) {
        return new PostProcessing(t, boxes, normalization);
    }

    public PostProcessing withBoxes(BoxParams b) {
        return new PostProcessing(threshold, b, normalization);
    }
}
