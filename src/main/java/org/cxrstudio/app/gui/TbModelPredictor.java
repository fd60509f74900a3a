package org.cxrstudio.app.gui;

import org.cxrstudio.core.imaging.GrayImage;
import org.cxrstudio.core.imaging.Radiograph;
import org.cxrstudio.core.inference.DevicePreference;
import org.cxrstudio.core.inference.ModelCard;
import org.cxrstudio.core.inference.ModelLoadException;
import org.cxrstudio.core.inference.PostProcessing;
import org.cxrstudio.core.inference.Prediction;
import org.cxrstudio.core.inference.TbModel;
import org.cxrstudio.ui.overlay.TbPredictor;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Adapts {@link TbModel} to the viewer's {@link TbPredictor}. Boxes are always extracted
 * (threshold 0 for post-processing) because the viewer applies its own live threshold; box
 * parameters come from the model's card.
 */
final class TbModelPredictor implements TbPredictor {
    private final TbModel model;
    /** The card's box parameters, threshold 0. */
    private final PostProcessing allBoxes;

    private TbModelPredictor(TbModel model) {
        this.model = model;
        this.allBoxes = model.postProcessing().withThreshold(0.0);
    }

    /**
     * Loads with automatic device choice (CUDA when usable, else CPU) and runs one warm-up
     * inference on a blank image, so the first real image does not pay ONNX Runtime's first-run
     * cost and a model that loads but cannot run fails here, with its name in the message.
     */
    static TbPredictor load(Path onnx) throws IOException {
        TbModel m = TbModel.load(onnx, DevicePreference.AUTO);
        try {
            int s = m.inputSize();
            m.predictGray(new GrayImage(s, s, new byte[s * s]), m.postProcessing().withThreshold(0.0));
        } catch (IOException | RuntimeException e) {
            m.close();
            throw new ModelLoadException(onnx + ": the model loads but fails to run (" + e.getMessage() + ")", e);
        }
        return new TbModelPredictor(m);
    }

    @Override
    public ModelCard card() {
        return model.card();
    }

    @Override
    public String device() {
        return model.device();
    }

    @Override
    public String deviceReason() {
        return model.deviceReason();
    }

    @Override
    public Path path() {
        return model.path();
    }

    @Override
    public Prediction predict(Radiograph image) throws IOException {
        return model.predict(image, allBoxes);
    }

    @Override
    public void close() {
        model.close();
    }
}
