package org.cxrstudio.ui.overlay;

import org.cxrstudio.core.imaging.Radiograph;
import org.cxrstudio.core.inference.ModelCard;
import org.cxrstudio.core.inference.Prediction;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A loaded TB model as the viewer needs it. The composition root adapts
 * {@code core.inference.TbModel}; view-model tests use fakes. Not thread-safe: the view model
 * runs one prediction at a time per model.
 */
public interface TbPredictor extends AutoCloseable {

    ModelCard card();

    /** Where it runs, e.g. {@code "CPU"} or {@code "CUDA:0"}. */
    String device();

    /** Why that device (e.g. why CUDA was not used); may be empty. */
    String deviceReason();

    Path path();

    /**
     * Runs the model. Boxes are extracted regardless of the score (the viewer shows them only
     * when the score is at or above its live threshold).
     *
     * @throws IOException with a message naming the model and the problem
     */
    Prediction predict(Radiograph image) throws IOException;

    @Override
    void close();

    /** Loads a model file; called on a worker thread. */
    @FunctionalInterface
    interface Loader {
        /** @throws IOException with a message naming the file and the problem */
        TbPredictor load(Path onnx) throws IOException;
    }
}
