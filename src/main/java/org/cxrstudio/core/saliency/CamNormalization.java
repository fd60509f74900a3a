package org.cxrstudio.core.saliency;

/** How raw class-activation scores (logit units) become heatmap values in {@code 0..1}. */
public enum CamNormalization {
    /**
     * {@code (v - min) / (max - min)} per image (all zeros for a flat map): the hottest cell is
     * always 1, so the map shows <em>where</em> the model looks even on low-score images. The
     * default, and the scale on which the box threshold is defined.
     */
    MIN_MAX,
    /**
     * {@code 1 / (1 + exp(-v))}: comparable across images (a cell near 1 is confidently TB on its
     * own), but flat and dim on negatives.
     */
    SIGMOID
}
