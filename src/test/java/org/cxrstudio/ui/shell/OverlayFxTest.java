package org.cxrstudio.ui.shell;

import javafx.geometry.VerticalDirection;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.cxrstudio.core.imaging.Photometric;
import org.cxrstudio.core.imaging.WindowLevel;
import org.cxrstudio.ui.overlay.FakeModels;
import org.cxrstudio.ui.task.FxBackgroundExecutor;
import org.cxrstudio.ui.viewer.ImageCanvas;
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
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Headless tests of the AI overlay and compare mode with fake models on a synthetic image. */
@ExtendWith(ApplicationExtension.class)
class OverlayFxTest {
    private static final double CX = 2 / 3.0;
    private static final double CY = 1 / 3.0;
    private final FxBackgroundExecutor executor = new FxBackgroundExecutor(2);
    private final OpenedImage image = TestImages.opened("chest.png", TestImages.ramp(400, 300, 12, Photometric.MONOCHROME2, 1, 0));
    private MainViewModel main;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        main = new MainViewModel(p -> image, new FakeModels(CX, CY), executor);
        window = new MainWindow(main, new RecentFiles(List.of(), l -> { }));
        stage.setScene(new Scene(window, 1200, 700));
        stage.show();
    }

    @AfterEach
    void close() {
        executor.close();
    }

    private void openWithModels(FxRobot robot) throws Exception {
        robot.interact(() -> {
            main.useModels(List.of(Path.of("student.onnx"), Path.of("teacher.onnx")),
                    Optional.of(Path.of("student.onnx")), Optional.of(Path.of("teacher.onnx")));
            window.open(Path.of("chest.png"));
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> main.student().predictionProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Screen colour of the canvas at an image point. */
    private int screenArgb(FxRobot robot, ImageCanvas canvas, double ix, double iy) {
        int[] out = new int[1];
        robot.interact(() -> {
            WritableImage snap = canvas.snapshot(null, null);
            var p = canvas.toScreen(ix, iy);
            out[0] = snap.getPixelReader().getArgb((int) p.getX(), (int) p.getY());
        });
        return out[0];
    }

    @Test
    void openingPutsScoreBadgeHeatmapAndBoxOnScreen(FxRobot robot) throws Exception {
        openWithModels(robot);
        assertThat(robot.lookup("#scoreBadge").queryLabeled().getText()).isEqualTo("TB suspected · TB score 60, above the threshold 50");
        assertThat(robot.lookup("#scoreBadge").queryLabeled().getStyleClass()).contains("positive");
        assertThat(window.overlay().drawnBoxCount()).isEqualTo(1);
        assertThat(robot.lookup("#statusModel").queryLabeled().getText()).contains("student", "CPU");
        robot.interact(() -> main.student().thresholdProperty().set(0.75));
        assertThat(robot.lookup("#scoreBadge").queryLabeled().getText()).isEqualTo("No TB signs · TB score 60, below the threshold 75");
        assertThat(window.overlay().drawnBoxCount()).isZero();
    }

    @Test
    void boxesStayRegisteredWhileZoomingAndPanning(FxRobot robot) throws Exception {
        openWithModels(robot);
        var box = main.student().predictionProperty().get().boxes().get(0);
        for (int i = 0; i < 2; i++) {
            javafx.scene.shape.Rectangle r = robot.lookup(".finding-box").queryAs(javafx.scene.shape.Rectangle.class);
            var topLeft = window.canvas().toScreen(box.x1(), box.y1());
            var bottomRight = window.canvas().toScreen(box.x2(), box.y2());
            assertThat(r.getX()).isCloseTo(topLeft.getX(), org.assertj.core.api.Assertions.within(1e-6));
            assertThat(r.getY()).isCloseTo(topLeft.getY(), org.assertj.core.api.Assertions.within(1e-6));
            assertThat(r.getWidth()).isCloseTo(bottomRight.getX() - topLeft.getX(), org.assertj.core.api.Assertions.within(1e-6));
            robot.moveTo("#imageCanvas").scroll(5, VerticalDirection.UP).drag(MouseButton.PRIMARY).moveBy(-40, 25).release(MouseButton.PRIMARY);
            WaitForAsyncUtils.waitForFxEvents();
        }
        // the heatmap is under the same transform as the image
        assertThat(window.overlay().heatmapView().getFitWidth()).isEqualTo(400);
    }

    @Test
    void heatmapToggleAndOpacityChangeWhatIsDrawn(FxRobot robot) throws Exception {
        openWithModels(robot);
        ImageCanvas canvas = window.canvas();
        int on = screenArgb(robot, canvas, 400 * CX, 300 * CY);
        robot.clickOn("#heatmapToggle");
        int off = screenArgb(robot, canvas, 400 * CX, 300 * CY);
        assertThat(main.overlays().heatmapVisibleProperty().get()).isFalse();
        assertThat(off).isNotEqualTo(on);
        // without the heatmap the screen shows the windowed gray pixel
        int gray = off & 0xFF;
        assertThat((off >> 16) & 0xFF).isEqualTo(gray);
        robot.clickOn("#heatmapToggle");
        robot.interact(() -> main.overlays().heatmapOpacityProperty().set(1.0));
        int opaque = screenArgb(robot, canvas, 400 * CX, 300 * CY);
        assertThat(opaque).isNotEqualTo(on);
        // JET at the blob peak is dark red: full opacity hides the gray entirely
        assertThat((opaque >> 16) & 0xFF).isGreaterThan(100);
        assertThat(opaque & 0xFF).isLessThan(30);
    }

    @Test
    void compareModeShowsTwoPanesThatStayInSync(FxRobot robot) throws Exception {
        openWithModels(robot);
        robot.clickOn("#compareToggle");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> main.compare().agreementProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        ImageCanvas left = window.compareView().leftLayer().canvas();
        ImageCanvas right = window.compareView().rightLayer().canvas();
        assertThat(left.getScene()).isNotNull();
        assertThat(right.getScene()).isNotNull();
        assertThat(window.canvas().getScene()).isNull();
        assertThat(robot.lookup("#agreement").queryLabeled().getText()).startsWith("Agree (positive)")
                .contains("TB scores 80 vs 60", "box IoU 1.00", "heatmap r 1.00");

        robot.moveTo("#compareLeft").scroll(4, VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(left.toScreen(100, 100)).isEqualTo(right.toScreen(100, 100));
        robot.moveTo("#compareRight").press(MouseButton.PRIMARY).moveBy(30, 20).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(left.toScreen(100, 100)).isEqualTo(right.toScreen(100, 100));

        WindowLevel before = main.viewer().display().window();
        int l0 = left.displayedArgb(200, 150);
        robot.moveTo("#compareRight").press(MouseButton.SECONDARY).moveBy(-60, 40).release(MouseButton.SECONDARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(main.viewer().display().window()).isNotEqualTo(before);
        assertThat(left.displayedArgb(200, 150)).isNotEqualTo(l0).isEqualTo(right.displayedArgb(200, 150));

        robot.interact(() -> main.teacher().thresholdProperty().set(0.9));
        assertThat(robot.lookup("#agreement").queryLabeled().getText()).startsWith("DISAGREE");
    }

    @Test
    void exportsViewAndReportAsPng(FxRobot robot, @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        openWithModels(robot);
        Path view = dir.resolve("view.png");
        Path report = dir.resolve("report.png");
        robot.interact(() -> {
            window.exportTo(view, false);
            window.exportTo(report, true);
        });
        java.awt.image.BufferedImage v = javax.imageio.ImageIO.read(view.toFile());
        assertThat(v.getWidth()).isEqualTo((int) window.canvas().getWidth());
        java.awt.image.BufferedImage r = javax.imageio.ImageIO.read(report.toFile());
        assertThat(r.getHeight()).isGreaterThan(300);
        List<String> lines = ReportExporter.lines(main.viewer().display().image(), main.student());
        assertThat(String.join("\n", lines)).contains("chest.png (400 × 300", "Model: student 1.0", "POSITIVE",
                "TB score 60 (calibrated probability 0.60), threshold 50", "Box 1: x ");
        robot.interact(() -> window.exportTo(dir.resolve("missing-dir/x.png"), false));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#errorDialog").tryQuery().isPresent());
    }

    @Test
    void brokenModelShowsErrorDialog(FxRobot robot) throws Exception {
        openWithModels(robot);
        robot.interact(() -> main.student().load(Path.of("broken.onnx")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#errorDialog").tryQuery().isPresent());
        assertThat(robot.lookup("#errorDialog").queryAs(javafx.scene.control.DialogPane.class).getContentText())
                .contains("broken.onnx");
        assertThat(main.student().predictionProperty().get()).isNotNull();
    }
}
