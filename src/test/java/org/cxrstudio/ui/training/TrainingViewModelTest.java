package org.cxrstudio.ui.training;

import org.cxrstudio.ui.training.TrainingViewModel.State;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The panel's logic with a fake backend, synchronously (worker and UI = calling thread). */
class TrainingViewModelTest {
    @TempDir
    Path tmp;
    private FakeBackend backend;
    private TrainingViewModel vm;

    @BeforeEach
    void setUp() throws IOException {
        backend = new FakeBackend(3);
        vm = new TrainingViewModel(backend, Runnable::run, Runnable::run);
        Path[] lf = FakeBackend.labelledFolder(tmp, 10);
        TrainingForm f = vm.form();
        f.teacherProperty().set(Files.writeString(tmp.resolve("teacher.onnx"), "t"));
        f.imagesProperty().set(lf[0]);
        f.labelsProperty().set(lf[1]);
        f.outProperty().set(tmp.resolve("run"));
        f.epochsProperty().set(2);
    }

    @Test
    void defaultsMatchTheTrainingCoreAndBaselineIsOn() {
        TrainingForm f = new TrainingViewModel(backend, Runnable::run, Runnable::run).form();
        assertThat(f.baselineProperty().get()).isTrue();
        assertThat(f.archProperty().get()).isEqualTo("student-s");
        assertThat(f.inputSizeProperty().get()).isEqualTo(224);
        assertThat(f.batchSizeProperty().get()).isEqualTo(16);
        assertThat(f.kdAlphaProperty().get()).isEqualTo(0.5);
        assertThat(f.r0Property().get()).isEqualTo(1);
        assertThat(f.aalsA0Property().get()).isEqualTo(2.5);
        assertThat(f.boxWeightProperty().get()).as("weakly supervised unless asked").isZero();
        assertThat(f.problems()).anyMatch(p -> p.contains("teacher")).anyMatch(p -> p.contains("output folder"));
    }

    @Test
    void teacherCardIsShownOrWhyNot() {
        assertThat(vm.teacherInfoProperty().get().arch()).isEqualTo("resnet18");
        assertThat(vm.teacherTextProperty().get()).contains("fake-teacher").contains("256 px");
        vm.form().teacherProperty().set(tmp.resolve("missing.onnx"));
        assertThat(vm.teacherInfoProperty().get()).isNull();
        assertThat(vm.teacherTextProperty().get()).startsWith("Cannot use this teacher").contains("missing.onnx");
        Path bad = tmp.resolve("not-a-model.onnx");
        backend.badTeacher = bad;
        vm.form().teacherProperty().set(bad);
        assertThat(vm.start()).isFalse();
        assertThat(vm.errorProperty().get().message()).startsWith("Teacher not-a-model.onnx cannot be used: ")
                .contains("input 1x3x224x224");
        assertThat(backend.requests).isEmpty();
    }

    @Test
    void invalidFormGivesClearMessagesAndDoesNotRun() throws IOException {
        vm.form().imagesProperty().set(Files.createDirectories(tmp.resolve("few")));
        vm.form().batchSizeProperty().set(1);
        assertThat(vm.start()).isFalse();
        assertThat(backend.requests).isEmpty();
        assertThat(vm.errorProperty().get().message())
                .contains("Too few images in " + tmp.resolve("few") + ": 0 (need at least 8)")
                .contains("Batch size must be at least 2");
    }

    @Test
    void r0AndAalsA0OutsideTheirRangesAreRefused() {
        vm.form().r0Property().set(0);
        vm.form().aalsA0Property().set(0.5);
        assertThat(vm.start()).isFalse();
        assertThat(backend.requests).isEmpty();
        assertThat(vm.errorProperty().get().message()).contains("r0 must be 0.01..100, not 0.0")
                .contains("AALS a0 must be at least 1");
        vm.form().r0Property().set(100.5);
        vm.form().aalsA0Property().set(1);
        assertThat(vm.form().problems()).containsExactly("r0 must be 0.01..100, not 100.5.");
        vm.form().r0Property().set(100);
        assertThat(vm.form().problems()).isEmpty();
        vm.form().boxWeightProperty().set(-0.5);
        assertThat(vm.form().problems()).containsExactly("Box guidance weight must be 0..100, not -0.5.");
        vm.form().boxWeightProperty().set(100);
        assertThat(vm.form().problems()).isEmpty();
    }

    @Test
    void imageNetStartNeedsTheWeightsFileAndMobileNetV2AndReachesTheRequest() throws IOException {
        vm.form().fromImageNetProperty().set(true);
        assertThat(vm.form().problems()).anyMatch(p -> p.contains("ImageNet weights file"))
                .anyMatch(p -> p.contains("need the mobilenetv2 preset (or mobilenetv2-s5), not student-s"));
        Path weights = Files.write(tmp.resolve("w.tflite"), new byte[] {1});
        vm.form().initProperty().set(weights);
        vm.form().archProperty().set("mobilenetv2-s5");
        assertThat(vm.form().problems()).isEmpty();
        vm.form().archProperty().set("mobilenetv2-0.5");
        assertThat(vm.form().problems()).anyMatch(p -> p.contains("not mobilenetv2-0.5"));
        vm.form().archProperty().set("mobilenetv2");
        assertThat(vm.form().problems()).isEmpty();
        assertThat(vm.form().toRequest().init()).isEqualTo(weights);
        vm.form().fromImageNetProperty().set(false);
        assertThat(vm.form().toRequest().init()).isNull();
    }

    @Test
    void runReportsProgressChartPointsAndResult() {
        List<Double> fractions = new ArrayList<>();
        vm.progressProperty().addListener((o, a, b) -> fractions.add(b.doubleValue()));
        assertThat(vm.start()).isTrue();
        assertThat(vm.stateProperty().get()).isEqualTo(State.DONE);
        assertThat(vm.epochs()).extracting(EpochPoint::epoch).containsExactly(1.0, 2.0);
        assertThat(fractions).contains(0.5).last().isEqualTo(1.0);
        assertThat(vm.resultProperty().get().model()).isEqualTo(tmp.resolve("run/model.onnx"));
        assertThat(vm.log()).anyMatch(l -> l.startsWith("exported"));
        TrainingRequest r = backend.requests.get(0);
        assertThat(r.baseline()).isTrue();
        assertThat(r.resume()).isFalse();
        assertThat(r.epochs()).isEqualTo(2);
    }

    @Test
    void useStudentAndCompareHandTheModelOn() {
        AtomicReference<Path> used = new AtomicReference<>();
        List<Path> compared = new ArrayList<>();
        vm.setOnUseStudent(used::set);
        vm.setOnCompare((s, t) -> { compared.add(s); compared.add(t); });
        vm.useStudent();
        assertThat(used.get()).isNull(); // nothing trained yet
        vm.start();
        vm.useStudent();
        vm.compareWithTeacher();
        assertThat(used.get()).isEqualTo(tmp.resolve("run/model.onnx"));
        assertThat(compared).containsExactly(tmp.resolve("run/model.onnx"), tmp.resolve("teacher.onnx"));
    }

    @Test
    void cancelKeepsACheckpointAndResumeFinishesTheSameRun() {
        vm.setOnUseStudent(p -> { });
        // cancel from inside the run, after the first chart point (synchronous executors)
        vm.epochs().addListener((javafx.collections.ListChangeListener<EpochPoint>) c -> {
            if (vm.epochs().size() == 1) {
                vm.cancel();
            }
        });
        vm.start();
        assertThat(vm.stateProperty().get()).isEqualTo(State.CANCELLED);
        assertThat(vm.log()).anyMatch(l -> l.contains("checkpoint is kept"));
        assertThat(Files.exists(tmp.resolve("run/model.onnx"))).isFalse();
        assertThat(vm.canResumeBinding().get()).isTrue();

        assertThat(vm.resume()).isTrue();
        assertThat(vm.stateProperty().get()).isEqualTo(State.DONE);
        assertThat(backend.requests).extracting(TrainingRequest::resume).containsExactly(false, true);
        assertThat(backend.requests.get(1).out()).isEqualTo(tmp.resolve("run"));
        assertThat(vm.epochs()).extracting(EpochPoint::epoch).containsExactly(1.0, 2.0);
    }

    @Test
    void nonEmptyOutputIsNeverOverwritten() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("run"));
        Files.writeString(out.resolve("model.onnx"), "precious");
        List<String> asked = new ArrayList<>();
        vm.setConfirmer((title, q) -> { asked.add(q); return false; });
        assertThat(vm.start()).isFalse();
        assertThat(backend.requests).isEmpty();
        assertThat(asked.get(0)).contains(out.toString()).contains(tmp.resolve("run-2").toString());

        vm.setConfirmer((title, q) -> true);
        assertThat(vm.start()).isTrue();
        assertThat(backend.requests.get(0).out()).isEqualTo(tmp.resolve("run-2"));
        assertThat(vm.form().outProperty().get()).isEqualTo(tmp.resolve("run-2"));
        assertThat(Files.readString(out.resolve("model.onnx"))).isEqualTo("precious");
    }

    @Test
    void failureIsShownWithItsReason() {
        backend.failWith = new IOException("labels.csv line 3: unknown label 'maybe'");
        vm.start();
        assertThat(vm.stateProperty().get()).isEqualTo(State.FAILED);
        assertThat(vm.errorProperty().get().message()).isEqualTo("labels.csv line 3: unknown label 'maybe'");
        assertThat(vm.canResumeBinding().get()).isFalse(); // no checkpoint was written
    }

    @Test
    void settingsOfTheLastRunAreRememberedAndRestored() {
        AtomicReference<Map<String, String>> saved = new AtomicReference<>();
        vm.setSettingsStore(saved::set);
        vm.form().archProperty().set("student-xs");
        vm.form().baselineProperty().set(false);
        vm.form().r0Property().set(5);
        vm.form().aalsA0Property().set(3);
        vm.form().boxWeightProperty().set(1.5);
        vm.start();
        assertThat(backend.requests.get(0).boxWeight()).isEqualTo(1.5);
        assertThat(backend.requests.get(0).r0()).isEqualTo(5);
        assertThat(backend.requests.get(0).aalsA0()).isEqualTo(3);
        TrainingViewModel other = new TrainingViewModel(backend, Runnable::run, Runnable::run);
        other.form().applySettings(saved.get());
        assertThat(other.form().toSettings()).isEqualTo(saved.get());
        assertThat(other.form().archProperty().get()).isEqualTo("student-xs");
        assertThat(other.form().baselineProperty().get()).isFalse();
        assertThat(other.form().r0Property().get()).isEqualTo(5);
        assertThat(other.form().aalsA0Property().get()).isEqualTo(3);
        assertThat(other.form().boxWeightProperty().get()).isEqualTo(1.5);
        other.form().applySettings(Map.of("epochs", "many", "teacher", ""));
        assertThat(other.form().epochsProperty().get()).isEqualTo(2);
    }

    @Test
    void etaFollowsThePhaseRate() {
        long[] now = {0};
        RunProgress p = new RunProgress(() -> now[0]);
        p.update(0, 100, "go");
        now[0] = 10_000_000_000L; // 10 s for 10 units -> 90 s left
        p.update(10, 100, "go");
        assertThat(p.etaProperty().get()).isEqualTo("ETA 1 min 30 s");
        assertThat(p.fractionProperty().get()).isEqualTo(0.1);
        p.update(3, -1, "unknown");
        assertThat(p.fractionProperty().get()).isEqualTo(-1);
        assertThat(RunProgress.format(3725)).isEqualTo("1 h 02 min");
    }
}
