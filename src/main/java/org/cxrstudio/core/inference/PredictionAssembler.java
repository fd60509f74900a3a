package org.cxrstudio.core.inference;

import org.cxrstudio.core.imaging.GrayImage;
import org.cxrstudio.core.saliency.Box;
import org.cxrstudio.core.saliency.BoxExtractor;
import org.cxrstudio.core.saliency.Heatmap;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Turns raw session outputs for a batch into {@link Prediction}s. Pure, thread-safe. */
final class PredictionAssembler {
    private PredictionAssembler() { }

    private record Part(double p, Heatmap heatmap, List<Box> boxes) { }

    /**
     * @param prob     {@code N×C} probabilities, class 0 = TB
     * @param cam      {@code N×C×h×w} raw CAM, flat
     * @param camShape its shape
     * @param t0       {@link System#nanoTime()} at the start of the work being timed
     */
    static List<Prediction> assemble(Path model, List<GrayImage> images, float[] prob, float[] cam, long[] camShape,
                                     ModelCard card, String device, PostProcessing post, BoxExtractor boxes, long t0)
            throws InferenceException {
        int n = images.size();
        if (camShape.length != 4 || camShape[0] != n || camShape[1] < 1 || prob.length % n != 0) {
            throw new InferenceException(model + ": unexpected output shapes: probability " + prob.length
                    + " values, cam " + Arrays.toString(camShape) + " for " + n + " images");
        }
        int classes = prob.length / n;
        int h = (int) camShape[2];
        int w = (int) camShape[3];
        int plane = h * w;
        int perImage = (int) camShape[1] * plane;
        double threshold = post.threshold() != null ? post.threshold() : card.threshold();
        List<Part> parts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double p = prob[i * classes];
            if (!(p >= 0 && p <= 1)) {
                throw new InferenceException(model + ": probability output " + p + " is not in 0..1");
            }
            Heatmap hm = TbModel.heatmap(cam, i * perImage, w, h, images.get(i), card.preprocessing(), post);
            parts.add(new Part(p, hm, boxes.extract(hm, p, threshold)));
        }
        double ms = (System.nanoTime() - t0) / 1e6 / n;
        List<Prediction> out = new ArrayList<>(n);
        for (Part part : parts) {
            out.add(new Prediction(part.p, threshold, part.p >= threshold, part.heatmap, part.boxes, device, ms));
        }
        return out;
    }
}
