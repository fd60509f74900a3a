package org.cxrstudio.app.cli;

import org.cxrstudio.core.saliency.BoxParams;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Box options shared by {@code predict} and {@code eval}: each one given overrides that value of the
 * model card's box parameters ({@code postprocessing} section, else {@link BoxParams#DEFAULT}).
 */
final class BoxOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--box-threshold", paramLabel = "R",
            description = "Box threshold relative to the heatmap maximum, (0, 1] (default: the model card's, else 0.5).")
    Double threshold;

    @Option(names = "--box-min-area", paramLabel = "F",
            description = "Drop boxes smaller than this fraction of the image area, [0, 1) (default: the card's, else 0.005).")
    Double minArea;

    @Option(names = "--box-max", paramLabel = "N",
            description = "At most N boxes per image (default: the card's, else 3).")
    Integer max;

    /** {@code base} with the given options applied; a value out of range is a usage error. */
    BoxParams apply(BoxParams base) {
        try {
            return new BoxParams(threshold != null ? threshold : base.relativeThreshold(),
                    minArea != null ? minArea : base.minAreaFraction(), max != null ? max : base.maxBoxes());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "box options: " + e.getMessage());
        }
    }

    /** One stderr line: the box parameters in use and where they came from. */
    String describe(BoxParams used, org.cxrstudio.core.inference.ModelCard card) {
        String from = any() ? "command line" : card.postprocessing().isEmpty() ? "default" : "model card";
        return String.format(java.util.Locale.ROOT, "boxes: relative threshold %s, min area %s, at most %d (%s)",
                used.relativeThreshold(), used.minAreaFraction(), used.maxBoxes(), from);
    }

    boolean any() {
        return threshold != null || minArea != null || max != null;
    }
}
