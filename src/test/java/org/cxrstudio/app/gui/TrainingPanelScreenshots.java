package org.cxrstudio.app.gui;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.cxrstudio.ui.training.TrainingView;
import org.cxrstudio.ui.training.TrainingViewModel;
import org.cxrstudio.ui.training.TrainingViewModel.State;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Screenshots of the training panel for docs/training-panel.md, from a real run with the real
 * backend: {@code <prefix>-running.png} once {@code midEpochs} epochs are charted and
 * {@code <prefix>-summary.png} at the end. Run under Xvfb (see the doc), not a test.
 * <p>Arguments: teacher.onnx imagesDir labels.csv outDir arch inputSize epochs midEpochs prefix [baseline];
 * a missing teacher named {@code toy-teacher*.onnx} is created from {@code TestModels} (a toy).
 */
public final class TrainingPanelScreenshots {
    private TrainingPanelScreenshots() { }

    public static void main(String[] a) throws Exception {
        Path teacher = Path.of(a[0]);
        if (!Files.exists(teacher) && teacher.getFileName().toString().startsWith("toy-teacher")) {
            // no trained teacher yet: the avg-pooled-brightness test teacher (TestModels), at the student's size
            org.cxrstudio.core.inference.TestModels.write(teacher.toAbsolutePath().getParent(),
                    teacher.getFileName().toString().replace(".onnx", ""), "teacher",
                    org.cxrstudio.core.inference.TestModels.brightness(Integer.parseInt(a[5])), 0.5);
        }
        ExecutorService worker = Executors.newSingleThreadExecutor();
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        TrainingViewModel[] vm = new TrainingViewModel[1];
        Stage[] stage = new Stage[1];
        Platform.runLater(() -> {
            vm[0] = new TrainingViewModel(new TrainerBackend(), worker, Platform::runLater);
            var f = vm[0].form();
            f.teacherProperty().set(Path.of(a[0]));
            f.imagesProperty().set(Path.of(a[1]));
            f.labelsProperty().set(Path.of(a[2]));
            f.outProperty().set(Path.of(a[3]));
            f.archProperty().set(a[4]);
            f.inputSizeProperty().set(Integer.parseInt(a[5]));
            f.epochsProperty().set(Integer.parseInt(a[6]));
            f.batchSizeProperty().set(8);
            f.baselineProperty().set(a.length > 9 && Boolean.parseBoolean(a[9]));
            stage[0] = new Stage();
            stage[0].setTitle("Distil a student — CXR Studio");
            stage[0].setScene(new Scene(new TrainingView(vm[0]), 1360, 860));
            stage[0].show();
            vm[0].errorProperty().addListener((o, x, e) -> System.err.println("ERROR " + e.title() + ": " + e.message()));
            vm[0].log().addListener((javafx.collections.ListChangeListener<String>) c -> System.err.println("log: "
                    + vm[0].log().get(vm[0].log().size() - 1)));
            vm[0].start();
        });
        int mid = Integer.parseInt(a[7]);
        waitFor(() -> vm[0] != null && (vm[0].epochs().size() >= mid || vm[0].stateProperty().get() != State.RUNNING));
        shoot(stage[0], Path.of(a[8] + "-running.png"));
        waitFor(() -> vm[0].stateProperty().get() != State.RUNNING && vm[0].stateProperty().get() != State.CANCELLING);
        Thread.sleep(1500);
        shoot(stage[0], Path.of(a[8] + "-summary.png"));
        System.err.println("state " + vm[0].stateProperty().get());
        worker.shutdownNow();
        Platform.exit();
        System.exit(vm[0].stateProperty().get() == State.DONE ? 0 : 1);
    }

    private static void waitFor(java.util.function.BooleanSupplier c) throws InterruptedException {
        while (true) {
            boolean[] ok = new boolean[1];
            CountDownLatch l = new CountDownLatch(1);
            Platform.runLater(() -> { ok[0] = c.getAsBoolean(); l.countDown(); });
            l.await(10, TimeUnit.SECONDS);
            if (ok[0]) {
                return;
            }
            Thread.sleep(300);
        }
    }

    private static void shoot(Stage stage, Path png) throws Exception {
        CountDownLatch l = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                Files.createDirectories(png.toAbsolutePath().getParent());
                ImageIO.write(SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null), "png", png.toFile());
                System.err.println("wrote " + png);
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                l.countDown();
            }
        });
        l.await(30, TimeUnit.SECONDS);
    }
}
