package org.cxrstudio.core.eval;

import org.cxrstudio.core.saliency.Box;
import org.cxrstudio.core.saliency.Heatmap;

import java.util.List;
import java.util.Objects;

import static org.cxrstudio.core.io.Strings.orEmpty;

/**
 * One evaluated image: its label, the model's output and, when known, its ground truth.
 *
 * @param file        image file name, for messages
 * @param positive    ground truth: TB
 * @param score       model TB probability (any monotone score works for AUC)
 * @param predicted   predicted boxes in image pixels (empty below the operating threshold)
 * @param heatmap     model saliency for Dice, or {@code null}
 * @param truth       ground-truth TB boxes in image pixels; empty when the image has none
 * @param imageWidth  image pixels
 * @param imageHeight image pixels
 * @param group       group value (e.g. the mapped {@code source}), or {@code ""}
 */
public record EvalSample(String file, boolean positive, double score, List<Box> predicted, Heatmap heatmap,
                         List<Box> truth, int imageWidth, int imageHeight, String group) {
    public EvalSample {
        Objects.requireNonNull(file, "file");
        predicted = List.copyOf(predicted);
        truth = List.copyOf(truth);
        group = orEmpty(group);
    }
}
