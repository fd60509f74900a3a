package org.cxrstudio.core.pacs;

import org.cxrstudio.core.inference.ModelCard;
import org.cxrstudio.core.inference.Prediction;
import org.cxrstudio.core.saliency.Box;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One CAD result to write back to the archive: the score of one film, the operating point and
 * where it came from, the boxes (image pixels of the source) and the model that made it.
 *
 * @param source          the film scored
 * @param probability     TB probability, {@code 0..1}
 * @param threshold       operating threshold, {@code 0..1}
 * @param thresholdSource where the threshold came from, e.g. {@code "model card"}, {@code "site profile"}
 * @param positive        {@code probability >= threshold}
 * @param boxes           findings in the source's pixel coordinates (edges, {@code 0..columns}, {@code 0..rows})
 * @param modelName       model card name
 * @param modelVersion    model card version
 * @param modelSha256     SHA-256 of the ONNX file, hex; may be empty when unknown
 * @param made            when the result was computed
 */
public record CadResult(SourceImage source, double probability, double threshold, String thresholdSource,
                        boolean positive, List<Box> boxes, String modelName, String modelVersion, String modelSha256,
                        ZonedDateTime made) {
    public CadResult {
        Objects.requireNonNull(source, "source");
        if (!(probability >= 0 && probability <= 1) || !(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("probability and threshold must be in 0..1");
        }
        boxes = List.copyOf(boxes);
        thresholdSource = thresholdSource == null || thresholdSource.isBlank() ? "model card" : thresholdSource;
        modelName = modelName == null ? "" : modelName;
        modelVersion = modelVersion == null ? "" : modelVersion;
        modelSha256 = modelSha256 == null ? "" : modelSha256;
        made = made == null ? ZonedDateTime.now() : made;
    }

    /** The text burned into the overlay. */
    public OverlayRenderer.Caption caption() {
        return new OverlayRenderer.Caption(probability, threshold, thresholdSource, positive,
                (modelName + " " + modelVersion).strip());
    }

    /** From a prediction and the card of the model that made it. */
    public static CadResult of(SourceImage source, Prediction p, ModelCard card, String thresholdSource) {
        return new CadResult(source, p.tbProbability(), p.threshold(), thresholdSource, p.positive(), p.boxes(),
                card.name(), card.version(), card.sha256(), ZonedDateTime.now());
    }
}
