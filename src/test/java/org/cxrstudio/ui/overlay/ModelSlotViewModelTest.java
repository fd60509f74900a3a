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
        assertThat(slot.scoreText()).isEqualTo("TB suspected · TB score 60, above the threshold 50");
        slot.thresholdProperty().set(0.7);
        assertThat(slot.positiveProperty().get()).isFalse();
        assertThat(slot.scoreText()).isEqualTo("No TB signs · TB score 60, below the threshold 70");
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
    void modelSwappedDuringAPredictionClosesTheOldOneAfterwardsAndRerunsWithTheNew() {
        org.cxrstudio.ui.task.ManualExecutor ex = new org.cxrstudio.ui.task.ManualExecutor();
        List<String> closed = new ArrayList<>();
        TbPredictor.Loader loader = p -> {
            TbPredictor real = models.load(p);
            return new TbPredictor() {
                public org.cxrstudio.core.inference.ModelCard card() { return real.card(); }
                public String device() { return real.device(); }
                public String deviceReason() { return real.deviceReason(); }
                public Path path() { return p; }
                public org.cxrstudio.core.screening.ScreeningResult screen(String src, org.cxrstudio.core.imaging.Radiograph r) {
                    assertThat(closed).doesNotContain(p.toString());
                    return real.screen(src, r);
                }
                public org.cxrstudio.core.screening.ScreeningResult scoreAnyway(String src, org.cxrstudio.core.imaging.Radiograph r,
                                                                             org.cxrstudio.core.gate.GateDecision d) {
                    return real.scoreAnyway(src, r, d);
                }
                public void close() { closed.add(p.toString()); }
            };
        };
        ModelSlotViewModel s = new ModelSlotViewModel("Student", loader, ex, errors::add);
        s.load(Path.of("student.onnx"));
        ex.runNext();
        s.imageChanged(img);           // prediction with student queued
        s.load(Path.of("teacher.onnx"));
        assertThat(s.runningProperty().get()).isTrue();
        ex.runNext();                  // student prediction: still allowed, not closed yet
        assertThat(s.predictionProperty().get().tbProbability()).isEqualTo(0.6);
        ex.runNext();                  // teacher loads while nothing runs: student closed at once
        assertThat(closed).containsExactly("student.onnx");
        assertThat(s.predictionProperty().get()).isNull();
        ex.runNext();                  // teacher runs on the current image
        assertThat(s.predictionProperty().get().tbProbability()).isEqualTo(0.8);
        assertThat(ex.pending()).isZero();
        assertThat(errors).isEmpty();
    }

    @Test
    void newModelLoadedWhileThePreviousStillRunsIsUsedNextAndTheOldIsClosedAfter() {
        org.cxrstudio.ui.task.ManualExecutor ex = new org.cxrstudio.ui.task.ManualExecutor();
        List<String> closed = new ArrayList<>();
        TbPredictor.Loader loader = p -> {
            TbPredictor real = models.load(p);
            return new TbPredictor() {
                public org.cxrstudio.core.inference.ModelCard card() { return real.card(); }
                public String device() { return real.device(); }
                public String deviceReason() { return real.deviceReason(); }
                public Path path() { return p; }
                public org.cxrstudio.core.screening.ScreeningResult screen(String src, org.cxrstudio.core.imaging.Radiograph r) {
                    assertThat(closed).doesNotContain(p.toString());
                    return real.screen(src, r);
                }
                public org.cxrstudio.core.screening.ScreeningResult scoreAnyway(String src, org.cxrstudio.core.imaging.Radiograph r,
                                                                             org.cxrstudio.core.gate.GateDecision d) {
                    return real.scoreAnyway(src, r, d);
                }
                public void close() { closed.add(p.toString()); }
            };
        };
        ModelSlotViewModel s = new ModelSlotViewModel("Student", loader, ex, errors::add);
        s.load(Path.of("student.onnx"));
        ex.runNext();
        s.imageChanged(img);           // [predict(student)]
        s.load(Path.of("teacher.onnx")); // [predict(student), load(teacher)]
        // run the load first: the student prediction is still "running" on its worker
        ex.runNextButOne();
        assertThat(closed).isEmpty();  // student still in use
        ex.runNext();                  // student prediction finishes: stale result dropped, student closed, teacher queued
        assertThat(closed).containsExactly("student.onnx");
        assertThat(s.predictionProperty().get()).isNull();
        ex.runNext();
        assertThat(s.predictionProperty().get().tbProbability()).isEqualTo(0.8);
        assertThat(errors).isEmpty();
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
