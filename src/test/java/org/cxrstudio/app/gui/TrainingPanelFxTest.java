package org.cxrstudio.app.gui;

import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.stage.Stage;
import org.cxrstudio.core.imaging.DisplayPipeline;
import org.cxrstudio.core.imaging.RadiographReader;
import org.cxrstudio.core.inference.TestModels;
import org.cxrstudio.core.training.data.LabeledFolder;
import org.cxrstudio.core.training.data.SyntheticData;
import org.cxrstudio.ui.shell.MainViewModel;
import org.cxrstudio.ui.shell.MainWindow;
import org.cxrstudio.ui.shell.RecentFiles;
import org.cxrstudio.ui.task.FxBackgroundExecutor;
import org.cxrstudio.ui.training.EpochPoint;
import org.cxrstudio.ui.training.TrainingViewModel;
import org.cxrstudio.ui.training.TrainingViewModel.State;
import org.cxrstudio.ui.viewer.ImageLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The panel end to end with the real trainer (DJL PyTorch) on a tiny synthetic set and a
 * hand-made ONNX teacher, inside the real main window: fill the form, start, watch progress and
 * the charts, finish, "Use this student" switches the viewer's model; and cancel + resume. The
 * form's r0 (5, not the default 1) and box weight (2, not 0) must reach the exported student's card.
 */
@Tag("slow") // real DJL training end to end: 11 of the default run's ~90 test seconds
@ExtendWith(ApplicationExtension.class)
class TrainingPanelFxTest {
    @TempDir
    Path tmp;
    private final FxBackgroundExecutor executor = new FxBackgroundExecutor(2);
    private final Preferences prefs = Preferences.userRoot().node("org/cxrstudio/test/training-" + System.nanoTime());
    private MainViewModel main;
    private TrainingPanel panel;
    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
        main = new MainViewModel(ImageLoader.of(RadiographReader::read, DisplayPipeline::defaultWindow),
                onnx -> TbModelPredictor.load(onnx, new ViewerGate(org.cxrstudio.core.gate.InputGate::headerRulesOnly)), executor);
        MainWindow window = new MainWindow(main, new RecentFiles(List.of(), l -> { }));
        stage.setScene(new Scene(window, 1000, 700));
        stage.show();
        panel = TrainingPanel.install(stage, window, main, prefs);
    }

    @AfterEach
    void close() throws BackingStoreException {
        panel.close();
        executor.close();
        prefs.removeNode();
    }

    private TrainingViewModel fill(FxRobot robot, int epochs) throws Exception {
        LabeledFolder data = SyntheticData.write(tmp.resolve("data"), "siteA", 8, 8, 64, 3);
        Path teacher = TestModels.write(tmp, "teacher", "teacher", TestModels.brightness(64), 0.5);
        robot.interact(() -> panel.show(owner));
        set(robot, "#teacherField", teacher);
        set(robot, "#imagesField", data.images());
        set(robot, "#labelsField", data.labels());
        set(robot, "#outField", tmp.resolve("run"));
        TrainingViewModel vm = panel.viewModel();
        robot.interact(() -> {
            vm.form().archProperty().set("student-xs");
            vm.form().inputSizeProperty().set(64);
            vm.form().epochsProperty().set(epochs);
            vm.form().batchSizeProperty().set(4);
            vm.form().r0Property().set(5);
            vm.form().boxWeightProperty().set(2);
            vm.form().baselineProperty().set(false);
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.teacherInfoProperty().get() != null);
        return vm;
    }

    /**
     * One flow (one trainer run at a time per JVM): fill the form, start, see progress and the
     * charts update, cancel (checkpoint kept), resume to the end, read the summary, and "Use this
     * student" switches the viewer's model; "Compare with teacher" opens compare mode with both.
     */
    @Test
    void distilCancelResumeFinishAndUseThisStudent(FxRobot robot) throws Exception {
        TrainingViewModel vm = fill(robot, 20); // enough epochs left for the Cancel click to land mid-run
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !vm.epochs().isEmpty() || vm.stateProperty().get() != State.RUNNING);
        assertThat(vm.stateProperty().get()).as(String.join("\n", vm.log())).isEqualTo(State.RUNNING);
        assertThat(vm.progressProperty().get()).isPositive();
        WaitForAsyncUtils.waitForFxEvents();
        LineChart<?, ?> loss = robot.lookup("#lossChart").queryAs(LineChart.class);
        assertThat(loss.getData()).isNotEmpty();
        assertThat(loss.getData().get(0).getData()).isNotEmpty();

        robot.clickOn("#cancelButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.stateProperty().get() != State.RUNNING
                && vm.stateProperty().get() != State.CANCELLING);
        assertThat(vm.stateProperty().get()).as(String.join("\n", vm.log())).isEqualTo(State.CANCELLED);
        try (var files = Files.list(tmp.resolve("run/checkpoints"))) {
            assertThat(files.count()).isPositive();
        }
        assertThat(tmp.resolve("run/model.onnx")).doesNotExist();

        robot.clickOn("#resumeButton");
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> vm.stateProperty().get() != State.RUNNING);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.stateProperty().get()).as(String.join("\n", vm.log())).isEqualTo(State.DONE);
        assertThat(vm.log()).anyMatch(l -> l.startsWith("resuming"));
        assertThat(vm.epochs()).extracting(EpochPoint::epoch)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 20).mapToObj(i -> (double) i).toList());
        Path model = tmp.resolve("run/model.onnx");
        assertThat(model).exists();
        assertThat(robot.lookup("#summaryArea").queryTextInputControl().getText())
                .contains("Student (best epoch): auc").contains("CPU latency").contains("ms per image");

        robot.clickOn("#useStudentButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> main.student().cardProperty().get() != null);
        assertThat(main.student().cardProperty().get().name()).isEqualTo("cxr-student-xs-64");
        assertThat(main.models()).contains(model);
        assertThat(prefs.get("usedStudent", null)).isEqualTo(model.toAbsolutePath().toString());
        assertThat(prefs.get("form.arch", null)).isEqualTo("student-xs");
        assertThat(prefs.get("form.r0", null)).isEqualTo("5.0");
        assertThat(main.student().cardProperty().get().training()).containsEntry("r0", 5.0).containsEntry("box_weight", 2.0);

        robot.clickOn("#compareButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> main.teacher().cardProperty().get() != null);
        assertThat(main.compare().activeProperty().get()).isTrue();
        assertThat(main.teacher().cardProperty().get().name()).isEqualTo("test-teacher");
        assertThat(main.student().cardProperty().get().name()).isEqualTo("cxr-student-xs-64");
    }

    private static void set(FxRobot robot, String field, Path p) {
        robot.interact(() -> robot.lookup(field).queryTextInputControl().setText(p.toString()));
    }
}
