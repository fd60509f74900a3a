package org.cxrstudio.ui.overlay;

import org.cxrstudio.core.imaging.Photometric;
import org.cxrstudio.ui.task.BackgroundExecutor;
import org.cxrstudio.ui.viewer.OpenedImage;
import org.cxrstudio.ui.viewer.TestImages;
import org.cxrstudio.ui.viewer.UserError;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ModelSlotViewModelTest {
    private final List<UserError> errors = new ArrayList<>();
    private final FakeModels models = new FakeModels(0.66, 0.33);
    private final ModelSlotViewModel slot = new ModelSlotViewModel("Student", models, BackgroundExecutor.direct(), errors::add);
    private final OpenedImage img = TestImages.opened("a.png", TestImages.ramp(64, 64, 8, Photometric.MONOCHROME2, 1, 0));

    @Test
    void loadThenImageRunsTheModelAndThresholdDecidesLive() {
        assertThat(slot.scoreText()).isEqualTo("No model");
        slot.load(Path.of("student.onnx"));
        assertThat(slot.stateProperty().get()).isEqualTo(ModelSlotViewModel.State.READY);
        assertThat(slot.deviceProperty().get()).isEqualTo("CPU");
        assertThat(slot.thresholdProperty().get()).isEqualTo(0.5);
        slot.imageChanged(img);
        assertThat(slot.predictionProperty().get().tbProbability()).isEqualTo(0.6);
        assertThat(slot.positiveProperty().get()).isTrue();
        assertThat(slot.scoreText()).isEqualTo("TB suspected  0.60 ≥ 0.50");
        slot.thresholdProperty().set(0.7);
        assertThat(slot.positiveProperty().get()).isFalse();
        assertThat(slot.scoreText()).isEqualTo("No TB signs  0.60 < 0.70");
        assertThat(slot.modelText()).isEqualTo("Student: student 1.0 (CPU)");
    }

    @Test
    void imageBeforeModelRunsOnceTheModelIsLoaded() {
        slot.imageChanged(img);
        assertThat(slot.predictionProperty().get()).isNull();
        slot.load(Path.of("student.onnx"));
        assertThat(slot.predictionProperty().get()).isNotNull();
        assertThat(models.predictions.get()).isEqualTo(1);
    }

    @Test
    void brokenModelReportsAndKeepsThePreviousOne() {
        slot.load(Path.of("student.onnx"));
        slot.imageChanged(img);
        slot.load(Path.of("broken.onnx"));
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("Cannot load student model");
            assertThat(e.message()).contains("broken.onnx", "not an ONNX model");
        });
        assertThat(slot.stateProperty().get()).isEqualTo(ModelSlotViewModel.State.READY);
        assertThat(slot.cardProperty().get().name()).isEqualTo("student");
    }

    @Test
    void brokenFirstModelFailsAndPredictionErrorsAreReported() {
        slot.load(Path.of("broken.onnx"));
        assertThat(slot.stateProperty().get()).isEqualTo(ModelSlotViewModel.State.FAILED);
        assertThat(slot.scoreText()).isEqualTo("Model failed to load");
        slot.load(Path.of("student.onnx"));
        slot.imageChanged(TestImages.opened("tiny.png", TestImages.ramp(4, 4, 8, Photometric.MONOCHROME2, 1, 0)));
        assertThat(errors).hasSize(2);
        assertThat(errors.get(1).message()).contains("input too small");
        assertThat(slot.runningProperty().get()).isFalse();
    }
}
