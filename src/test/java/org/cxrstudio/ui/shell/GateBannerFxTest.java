package org.cxrstudio.ui.shell;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.cxrstudio.core.imaging.RadiographReader;
import org.cxrstudio.core.screening.TestInputs;
import org.cxrstudio.ui.overlay.FakeModels;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Headless: a refused image gets the banner and no overlay; "Score anyway" scores it. */
@ExtendWith(ApplicationExtension.class)
class GateBannerFxTest {
    private final FxBackgroundExecutor executor = new FxBackgroundExecutor(2);
    private MainViewModel main;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("gate-banner");
        OpenedImage ct = TestImages.opened("ct.dcm", RadiographReader.read(TestInputs.ctDicom(dir.resolve("ct.dcm"), 256)));
        main = new MainViewModel(p -> ct, new FakeModels(0.5, 0.5), executor);
        window = new MainWindow(main, new RecentFiles(List.of(), l -> { }));
        stage.setScene(new Scene(window, 1200, 700));
        stage.show();
    }

    @AfterEach
    void close() {
        executor.close();
    }

    private static javafx.geometry.Bounds sceneBounds(javafx.scene.Node n) {
        return n.localToScene(n.getBoundsInLocal());
    }

    @Test
    void refusedImageShowsTheBannerAndNoOverlayUntilScoreAnyway(FxRobot robot) throws Exception {
        robot.interact(() -> {
            main.useModels(List.of(Path.of("student.onnx")), Optional.of(Path.of("student.onnx")), Optional.empty());
            window.open(Path.of("ct.dcm"));
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> main.student().refusalProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#gateBanner").query().isVisible()).isTrue();
        assertThat(robot.lookup("#gateBannerText").queryLabeled().getText())
                .isEqualTo("Not a frontal chest X-ray: CT is not a chest radiograph");
        assertThat(robot.lookup("#scoreBadge").queryLabeled().getText()).isEqualTo("Not scored (see the banner)");
        assertThat(window.overlay().drawnBoxCount()).isZero();
        assertThat(window.overlay().heatmapView().getImage()).isNull();

        // compare mode: the banner moves below the model headers, and both images start at one height
        robot.clickOn("#compareToggle");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node banner = robot.lookup("#gateBanner").query();
        javafx.geometry.Bounds left = sceneBounds(robot.lookup("#compareLeft").query());
        javafx.geometry.Bounds right = sceneBounds(robot.lookup("#compareRight").query());
        assertThat(banner.isVisible()).isTrue();
        assertThat(sceneBounds(banner).getMinY()).isGreaterThanOrEqualTo(left.getMinY());
        assertThat(left.getMinY()).isEqualTo(right.getMinY());
        assertThat(left.getHeight()).isEqualTo(right.getHeight());
        robot.clickOn("#compareToggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(sceneBounds(banner).getMinY()).isLessThan(left.getMinY());

        robot.clickOn("#scoreAnyway");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> main.student().predictionProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#gateBanner").query().isVisible()).isFalse();
        assertThat(robot.lookup("#scoreBadge").queryLabeled().getText()).startsWith("TB suspected · TB score 60");
        assertThat(window.overlay().heatmapView().getImage()).isNotNull();
    }
}
