package org.cxrstudio.core.inference;

import org.cxrstudio.core.saliency.Box;
import org.cxrstudio.core.saliency.Heatmap;

import java.util.List;

/**
 * The result of running a TB model on one radiograph.
 *
 * @param tbProbability model probability of TB, {@code 0..1}
 * @param threshold     operating threshold from the model card (or as overridden by the user)
 * @param positive      {@code tbProbability >= threshold}
 * @param heatmap       saliency over the whole image, values {@code 0..1}
 * @param boxes         findings in image pixels; empty when not positive
 * @param device        where it ran, e.g. {@code "CPU"} or {@code "CUDA:0"}
 * @param millis        wall time of preprocessing + inference + postprocessing (no file decode)
 */
public record Prediction(double tbProbability, double threshold, boolean positive, Heatmap heatmap,
                         List<Box> boxes, String device, double millis) {
    public Prediction {
        boxes = List.copyOf(boxes);
    }
}
