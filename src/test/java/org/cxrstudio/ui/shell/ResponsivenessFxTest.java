package org.cxrstudio.ui.shell;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.cxrstudio.core.imaging.Photometric;
import org.cxrstudio.ui.overlay.FakeModels;
import org.cxrstudio.ui.overlay.ModelSlotViewModel;
import org.cxrstudio.ui.task.FxBackgroundExecutor;
import org.cxrstudio.ui.viewer.OpenedImage;
import org.cxrstudio.ui.viewer.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Model loading and inference run off the FX thread: the window keeps working meanwhile. */
@ExtendWith(ApplicationExtension.class)
class ResponsivenessFxTest {
    private final FxBackgroundExecutor executor = new FxBackgroundExecutor(2);
    private final CountDownLatch release = new CountDownLatch(1);
    private final OpenedImage image = TestImages.opened("chest.png", TestImages.ramp(300, 200, 12, Photometric.MONOCHROME2, 1, 0));
    private MainViewModel main;

    @Start
    void start(Stage stage) {
        FakeModels models = new FakeModels(0.5, 0.5);
        main = new MainViewModel(p -> image, p -> {
            // a model load that takes as long as the test wants
            try {
                if (!release.await(20, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("test timed out");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.IOException("interrupted", e);
            }
            return models.load(p);
        }, executor);
        stage.setScene(new Scene(new MainWindow(main, new RecentFiles(List.of(), l -> { })), 1000, 700));
        stage.show();
    }

    @AfterEach
    void close() {
        release.countDown();
        executor.close();
    }

    @Test
    void windowStaysUsableWhileTheModelLoads(FxRobot robot) throws Exception {
        robot.interact(() -> main.useModels(List.of(Path.of("student.onnx")), Optional.of(Path.of("student.onnx")), Optional.empty()));
        robot.interact(() -> main.viewer().open(Path.of("chest.png")));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> main.viewer().display().image() != null);
        // the image is on screen and can be zoomed while the model is still loading
        assertThat(main.student().stateProperty().get()).isEqualTo(ModelSlotViewModel.State.LOADING);
        long t0 = System.nanoTime();
        robot.clickOn("#zoomIn");
        robot.clickOn("#invert");
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(5);
        assertThat(main.viewer().display().invertProperty().get()).isTrue();
        assertThat(robot.lookup("#scoreBadge").queryLabeled().getText()).isEqualTo("Loading model…");
        release.countDown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> main.student().predictionProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#scoreBadge").queryLabeled().getText()).startsWith("TB suspected");
    }
}
