package org.cxrstudio.core.report;

import org.cxrstudio.core.pacs.OverlayRenderer;
import org.cxrstudio.core.saliency.Box;
import org.cxrstudio.core.screening.TbScore;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

import static org.cxrstudio.core.io.Strings.orEmpty;

/**
 * What a report states about one film. Patient fields are printed only when
 * {@code includePatient} is true; the image is described without identifiers.
 *
 * @param image           non-identifying description, e.g. {@code "1841 x 1955 px, DICOM JPEG 2000"}
 * @param score           the TB score (0-100, calibrated probability) against the operating threshold, and the decision
 * @param thresholdSource e.g. {@code "model card"}, {@code "site profile clinic-a"}
 * @param boxes           in the film's pixels
 * @param modelName       model card name
 * @param modelVersion    model card version
 * @param modelSha256     SHA-256 of the model file, may be empty
 * @param gate            the input gate's decision in words, e.g. {@code "accepted (frontal chest X-ray)"}
 * @param made            when it was scored
 * @param includePatient  print the patient's name and ID
 * @param patientName     printed only with {@code includePatient}
 * @param patientId       printed only with {@code includePatient}
 */
public record ReportData(String image, TbScore score, String thresholdSource, List<Box> boxes, String modelName, String modelVersion, String modelSha256, String gate,
                         ZonedDateTime made, boolean includePatient, String patientName, String patientId) {
    public ReportData {
        Objects.requireNonNull(score, "score");
        boxes = List.copyOf(boxes);
        Objects.requireNonNull(made, "made");
        image = orEmpty(image);
        thresholdSource = orEmpty(thresholdSource);
        modelName = orEmpty(modelName);
        modelVersion = orEmpty(modelVersion);
        modelSha256 = orEmpty(modelSha256);
        gate = orEmpty(gate);
        patientName = orEmpty(patientName);
        patientId = orEmpty(patientId);
    }

    /** The decision: the raw probability at or above the threshold. */
    public boolean positive() {
        return score.positive();
    }

    /** The caption burned into the overlay picture. */
    public OverlayRenderer.Caption caption() {
        return new OverlayRenderer.Caption(score, thresholdSource,
                (modelName + " " + modelVersion).strip());
    }
}
