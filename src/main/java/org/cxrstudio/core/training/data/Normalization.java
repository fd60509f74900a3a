package org.cxrstudio.core.training.data;

import org.cxrstudio.core.imaging.Preprocessing;

/**
 * The normalisation step of {@link org.cxrstudio.core.imaging.ModelInput#prepare}, applied in
 * place to an already resized (and possibly augmented) plane of 0..255 values, so training feeds
 * the network exactly what inference will. Pure, thread-safe.
 */
public final class Normalization {
    private Normalization() { }

    /** Normalises {@code plane} in place as {@code p} says (per-image z-score or fixed mean/std). */
    public static void apply(float[] plane, Preprocessing p) {
        if (Preprocessing.FIXED.equals(p.normalization())) {
            for (int i = 0; i < plane.length; i++) {
                plane[i] = (float) ((plane[i] / 255.0 - p.mean()) / p.std());
            }
            return;
        }
        double mean = 0;
        for (float v : plane) {
            mean += v;
        }
        mean /= plane.length;
        double var = 0;
        for (float v : plane) {
            var += (v - mean) * (v - mean);
        }
        double std = Math.max(Math.sqrt(var / plane.length), 1e-3);
        for (int i = 0; i < plane.length; i++) {
            plane[i] = (float) ((plane[i] - mean) / std);
        }
    }
}
