package org.cxrstudio.app.gui;

import org.cxrstudio.core.gate.GateLoadException;
import org.cxrstudio.core.gate.InputGate;
import org.cxrstudio.core.imaging.Photometric;
import org.cxrstudio.core.imaging.RadiographReader;
import org.cxrstudio.core.inference.ModelFiles;
import org.cxrstudio.core.screening.ScreeningResult;
import org.cxrstudio.core.screening.TestInputs;
import org.cxrstudio.core.inference.ModelLoadException;
import org.cxrstudio.core.inference.Prediction;
import org.cxrstudio.core.inference.TestModels;
import org.cxrstudio.ui.overlay.TbPredictor;
import org.cxrstudio.ui.viewer.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real ONNX path behind the viewer, with a tiny model whose output follows brightness. */
class TbModelPredictorTest {
    @TempDir
    Path dir;

    @Test
    void boxesComeEvenBelowTheCardThresholdSoTheViewerCanApplyItsOwn() throws Exception {
        Path onnx = TestModels.write(dir, "bright", "student", TestModels.brightness(64), 0.99);
        try (TbPredictor m = TbModelPredictor.load(onnx, new ViewerGate(InputGate::disabled))) {
            assertThat(m.card().threshold()).isEqualTo(0.99);
            assertThat(m.device()).isEqualTo("CPU");
            Prediction p = m.screen("ramp", TestImages.ramp(200, 160, 12, Photometric.MONOCHROME2, 1, 0)).prediction();
            assertThat(p.tbProbability()).isBetween(0.0, 0.99);
            assertThat(p.heatmap().imageWidth()).isEqualTo(200);
            assertThat(p.boxes()).isNotEmpty();
            // the bright disc of the test image (centre 133, 53) is the hottest place
            assertThat(p.boxes().get(0).x1()).isLessThan(133);
            assertThat(p.boxes().get(0).x2()).isGreaterThan(133);
        }
    }

    @Test
    void withoutAGateEveryImageIsRefusedUntilScoredAnyway() throws Exception {
        Path onnx = TestModels.write(dir, "bright", "student", TestModels.brightness(64), 0.5);
        ViewerGate none = new ViewerGate(() -> {
            throw new GateLoadException("models/gate.onnx not found");
        });
        try (TbPredictor m = TbModelPredictor.load(onnx, none)) {
            var img = TestImages.ramp(300, 300, 12, Photometric.MONOCHROME2, 1, 0);
            ScreeningResult r = m.screen("ramp", img);
            assertThat(r.refused()).isTrue();
            assertThat(r.refusalMessage()).contains("models/gate.onnx not found");
            ScreeningResult anyway = m.scoreAnyway("ramp", img, r.gate());
            assertThat(anyway.prediction()).isNotNull();
            assertThat(anyway.overridden()).isTrue();
        }
    }

    @Test
    void theGateRefusesACt() throws Exception {
        Path onnx = TestModels.write(dir, "bright", "student", TestModels.brightness(64), 0.5);
        Path ct = TestInputs.ctDicom(dir.resolve("ct.dcm"), 256);
        try (TbPredictor m = TbModelPredictor.load(onnx, new ViewerGate(InputGate::headerRulesOnly))) {
            ScreeningResult r = m.screen(ct.toString(), RadiographReader.read(ct));
            assertThat(r.refused()).isTrue();
            assertThat(r.prediction()).isNull();
            assertThat(m.sha256()).isEqualTo(ModelFiles.sha256(onnx));
        }
    }

    @Test
    void notAModelFailsWithTheFileName() throws Exception {
        Path bad = Files.writeString(dir.resolve("junk.onnx"), "not a model");
        assertThatThrownBy(() -> TbModelPredictor.load(bad, new ViewerGate(InputGate::disabled))).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("junk.onnx");
    }
}
