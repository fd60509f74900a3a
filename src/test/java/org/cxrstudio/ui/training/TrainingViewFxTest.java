package org.cxrstudio.ui.training;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The panel headless (Monocle) with a fake backend on a real worker thread: fill, start, cancel, resume, use. */
@ExtendWith(ApplicationExtension.class)
class TrainingViewFxTest {
    @TempDir
    Path tmp;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-training");
        t.setDaemon(true);
        return t;
    });
    private final FakeBackend backend = new FakeBackend(4);
    private final AtomicReference<Path> used = new AtomicReference<>();
    private TrainingViewModel vm;

    @Start
    void start(Stage stage) {
        vm = new TrainingViewModel(backend, worker, Platform::runLater);
        vm.setOnUseStudent(used::set);
        stage.setScene(new Scene(new TrainingView(vm), 1200, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        worker.shutdownNow();
    }

    @Test
    void fillStartCancelResumeAndUseTheStudent(FxRobot robot) throws Exception {
        Path[] lf = FakeBackend.labelledFolder(tmp, 10);
        Path teacher = Files.writeString(tmp.resolve("teacher.onnx"), "t");
        type(robot, "#teacherField", teacher.toString());
        type(robot, "#imagesField", lf[0].toString());
        type(robot, "#labelsField", lf[1].toString());
        type(robot, "#outField", tmp.resolve("run").toString());
        robot.interact(() -> vm.form().epochsProperty().set(3));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> vm.teacherInfoProperty().get() != null);
        assertThat(robot.lookup("#teacherCard").queryLabeled().getText()).contains("fake-teacher");

        CountDownLatch gate = new CountDownLatch(1);
        backend.gate = gate;
        backend.pauseAt = 4; // holds the run after its first epoch until the test cancels
        backend.batchSleepMs = 20;
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.epochs().size() >= 1);
        WaitForAsyncUtils.waitForFxEvents();
        LineChart<?, ?> loss = robot.lookup("#lossChart").queryAs(LineChart.class);
        assertThat(loss.getData().get(0).getData()).isNotEmpty();
        assertThat(robot.lookup("#progressBar").queryAs(ProgressBar.class).getProgress()).isGreaterThan(0);
        assertThat(robot.lookup("#startButton").queryButton().isDisabled()).isTrue();

        robot.clickOn("#cancelButton");
        gate.countDown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.stateProperty().get() == TrainingViewModel.State.CANCELLED);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(backend.requests.get(0).out()).isEqualTo(tmp.resolve("run"));
        assertThat(Files.exists(tmp.resolve("run/checkpoints/last.ckpt"))).isTrue();
        Button resume = robot.lookup("#resumeButton").queryButton();
        assertThat(resume.isDisabled()).isFalse();

        robot.clickOn("#resumeButton");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> vm.stateProperty().get() == TrainingViewModel.State.DONE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(backend.requests).extracting(TrainingRequest::resume).containsExactly(false, true);
        assertThat(robot.lookup("#summaryArea").queryTextInputControl().getText()).contains("student AUC");
        robot.clickOn("#useStudentButton");
        assertThat(used.get()).isEqualTo(tmp.resolve("run/model.onnx"));
        assertThat(gate.getCount()).isZero();
    }

    @Test
    void lossWeightsAndR0HaveTooltipsAndEditTheForm(FxRobot robot) {
        for (String id : new String[] {"#temperatureSpinner", "#alphaSpinner", "#betaSpinner", "#r0Spinner", "#aalsSpinner", "#boxSpinner"}) {
            Spinner<?> s = robot.lookup(id).queryAs(Spinner.class);
            assertThat(s.getTooltip()).as(id).isNotNull();
            assertThat(s.getTooltip().getText()).as(id).isNotBlank().doesNotStartWith("training."); // the key = missing message
        }
        assertThat(robot.lookup("#r0Spinner").queryAs(Spinner.class).getTooltip().getText()).contains("r0 + exp(β)");
        Spinner<?> aals = robot.lookup("#aalsSpinner").queryAs(Spinner.class);
        assertThat(aals.isDisabled()).isTrue(); // AALS needs an unlabelled folder
        type(robot, "#unlabeledField", tmp.toString());
        assertThat(aals.isDisabled()).isFalse();

        Spinner<?> r0 = robot.lookup("#r0Spinner").queryAs(Spinner.class);
        robot.interact(() -> {
            r0.getEditor().setText("5");
            r0.commitValue();
        });
        assertThat(vm.form().r0Property().get()).isEqualTo(5.0);
        assertThat(vm.form().toRequest().r0()).isEqualTo(5.0);
        robot.interact(() -> vm.form().r0Property().set(0.5));
        assertThat(r0.getValue()).isEqualTo(0.5);
    }

    @Test
    void invalidFormShowsAnErrorDialog(FxRobot robot) {
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#trainingErrorDialog").tryQuery()).isPresent();
        assertThat(backend.requests).isEmpty();
    }

    private static void type(FxRobot robot, String field, String text) {
        robot.interact(() -> robot.lookup(field).queryTextInputControl().setText(text));
    }
}
