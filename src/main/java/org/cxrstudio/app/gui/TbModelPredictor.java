package org.cxrstudio.app.gui;

import org.cxrstudio.core.gate.GateDecision;
import org.cxrstudio.core.gate.InputGate;
import org.cxrstudio.core.gate.RefusalReason;
import org.cxrstudio.core.imaging.GrayImage;
import org.cxrstudio.core.imaging.Radiograph;
import org.cxrstudio.core.inference.DevicePreference;
import org.cxrstudio.core.inference.ModelCard;
import org.cxrstudio.core.inference.ModelFiles;
import org.cxrstudio.core.inference.ModelLoadException;
import org.cxrstudio.core.inference.TbModel;
import org.cxrstudio.core.screening.Screening;
import org.cxrstudio.core.screening.ScreeningResult;
import org.cxrstudio.ui.Messages;
import org.cxrstudio.ui.overlay.TbPredictor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Adapts {@link Screening} (the shared input gate + {@link TbModel}) to the viewer's
 * {@link TbPredictor}. Boxes are always extracted (threshold 0 for post-processing) because the
 * viewer applies its own live threshold; box parameters come from the model's card. Without a
 * loaded gate every image is refused with the reason, and only "Score anyway" scores it.
 */
final class TbModelPredictor implements TbPredictor {
    private final TbModel model;
    private final ViewerGate gates;
    private final String sha256;

    private TbModelPredictor(TbModel model, ViewerGate gates, String sha256) {
        this.model = model;
        this.gates = gates;
        this.sha256 = sha256;
    }

    /**
     * Loads with automatic device choice (CUDA when usable, else CPU) and runs one warm-up
     * inference on a blank image, so the first real image does not pay ONNX Runtime's first-run
     * cost and a model that loads but cannot run fails here, with its name in the message. Loads
     * the shared gate too, on this worker thread.
     */
    static TbPredictor load(Path onnx, ViewerGate gates) throws IOException {
        TbModel m = TbModel.load(onnx, DevicePreference.AUTO);
        try {
            int s = m.inputSize();
            m.predictGray(new GrayImage(s, s, new byte[s * s]), m.postProcessing().withThreshold(0.0));
            gates.gate();
            return new TbModelPredictor(m, gates, ModelFiles.sha256(onnx));
        } catch (IOException | RuntimeException e) {
            m.close();
            throw new ModelLoadException(onnx + ": the model loads but fails to run (" + e.getMessage() + ")", e);
        }
    }

    private Screening screening(InputGate gate) {
        return new Screening(gate, model, model.postProcessing().withThreshold(0.0));
    }

    @Override
    public ScreeningResult screen(String source, Radiograph image) {
        InputGate gate = gates.gate();
        if (gate == null) {
            GateDecision d = GateDecision.refuse(RefusalReason.UNREADABLE_CONTENT,
                    Messages.format("gate.unavailable", gates.problem()), Map.of());
            return new ScreeningResult(source, image, d, null, null, null);
        }
        return screening(gate).screen(source, image);
    }

    @Override
    public ScreeningResult scoreAnyway(String source, Radiograph image, GateDecision refusal) {
        InputGate gate = gates.gate();
        return screening(gate != null ? gate : InputGate.disabled()).scoreAnyway(source, image, refusal);
    }

    @Override
    public String sha256() {
        return sha256;
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
    public void close() {
        model.close();
    }
}
