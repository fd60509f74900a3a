package org.cxrstudio.core.pacs;

import org.cxrstudio.core.inference.ModelCard;
import org.cxrstudio.core.inference.Prediction;
import org.cxrstudio.core.saliency.Box;
import org.cxrstudio.core.screening.TbScore;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

import static org.cxrstudio.core.io.Strings.orEmpty;

/**
 * One CAD result to write back to the archive: the score of one film, the operating point and
 * where it came from, the boxes (image pixels of the source) and the model that made it.
 *
 * @param source          the film scored
 * @param score           the TB score (0-100, calibrated probability) against the operating threshold, and the decision
 * @param thresholdSource where the threshold came from, e.g. {@code "model card"}, {@code "site profile"}
 * @param boxes           findings in the source's pixel coordinates (edges, {@code 0..columns}, {@code 0..rows})
 * @param modelName       model card name
 * @param modelVersion    model card version
 * @param modelSha256     SHA-256 of the ONNX file, hex; may be empty when unknown
 * @param made            when the result was computed
 */
public record CadResult(SourceImage source, TbScore score, String thresholdSource, List<Box> boxes, String modelName, String modelVersion, String modelSha256,
                        ZonedDateTime made) {
    public CadResult {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(score, "score");
        if (!(score.rawProbability() >= 0 && score.rawProbability() <= 1) || !(score.threshold() >= 0 && score.threshold() <= 1)) {
            throw new IllegalArgumentException("probability and threshold must be in 0..1");
        }
        boxes = List.copyOf(boxes);
        thresholdSource = thresholdSource == null || thresholdSource.isBlank() ? "model card" : thresholdSource;
        modelName = orEmpty(modelName);
        modelVersion = orEmpty(modelVersion);
        modelSha256 = orEmpty(modelSha256);
        made = made == null ? ZonedDateTime.now() : made;
    }

    /** The decision: the raw probability at or above the threshold. */
    public boolean positive() {
        return score.positive();
    }

    /** The text burned into the overlay. */
    public OverlayRenderer.Caption caption() {
        return new OverlayRenderer.Caption(score, thresholdSource,
                (modelName + " " + modelVersion).strip());
    }

    /** From a prediction and the card of the model that made it. */
    public static CadResult of(SourceImage source, Prediction p, ModelCard card, String thresholdSource) {
        return new CadResult(source, TbScore.of(p.tbProbability(), p.threshold(), card.calibration()), thresholdSource, p.boxes(),
                card.name(), card.version(), card.sha256(), ZonedDateTime.now());
    }
}
