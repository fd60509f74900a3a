package org.cxrstudio.app.gui;

import org.cxrstudio.core.imaging.Radiograph;
import org.cxrstudio.core.inference.DevicePreference;
import org.cxrstudio.core.inference.ModelCard;
import org.cxrstudio.core.inference.PostProcessing;
import org.cxrstudio.core.inference.Prediction;
import org.cxrstudio.core.inference.TbModel;
import org.cxrstudio.ui.overlay.TbPredictor;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Adapts {@link TbModel} to the viewer's {@link TbPredictor}. Boxes are always extracted
 * (threshold 0 for post-processing) because the viewer applies its own live threshold.
 */
final class TbModelPredictor implements TbPredictor {
    private static final PostProcessing ALL_BOXES = PostProcessing.DEFAULT.withThreshold(0.0);
    private final TbModel model;

    private TbModelPredictor(TbModel model) {
        this.model = model;
    }

    /** Loads with automatic device choice (CUDA when usable, else CPU). */
    static TbPredictor load(Path onnx) throws IOException {
        return new TbModelPredictor(TbModel.load(onnx, DevicePreference.AUTO));
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
        return model.predict(image, ALL_BOXES);
    }

    @Override
    public void close() {
        model.close();
    }
}
