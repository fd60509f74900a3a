package org.cxrstudio.ui.overlay;

import org.cxrstudio.core.gate.GateDecision;
import org.cxrstudio.core.imaging.Radiograph;
import org.cxrstudio.core.inference.ModelCard;
import org.cxrstudio.core.screening.ScreeningResult;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A loaded TB model behind the input gate, as the viewer needs it. The composition root adapts
 * {@code core.screening.Screening} (gate + {@code core.inference.TbModel}); view-model tests use
 * fakes. Not thread-safe: the view model
 * runs one prediction at a time per model.
 */
public interface TbPredictor extends AutoCloseable {

    ModelCard card();

    /** Where it runs, e.g. {@code "CPU"} or {@code "CUDA:0"}. */
    String device();

    /** Why that device (e.g. why CUDA was not used); may be empty. */
    String deviceReason();

    Path path();

    /** Hex SHA-256 of the model file, to match site profiles; the card's by default. */
    default String sha256() {
        return card().sha256();
    }

    /**
     * Checks the image with the input gate and, when it passes, runs the model. Boxes are extracted
     * regardless of the score (the viewer shows them only when the score is at or above its live
     * threshold). A failure is a result with {@link ScreeningResult#error()}.
     *
     * @param source the file, for messages
     */
    ScreeningResult screen(String source, Radiograph image);

    /**
     * Runs the model on an image the gate refused, on the user's explicit request.
     *
     * @param refusal the gate's decision, kept in the result
     */
    ScreeningResult scoreAnyway(String source, Radiograph image, GateDecision refusal);

    @Override
    void close();

    /** Loads a model file; called on a worker thread. */
    @FunctionalInterface
    interface Loader {
        /** @throws IOException with a message naming the file and the problem */
        TbPredictor load(Path onnx) throws IOException;
    }
}
