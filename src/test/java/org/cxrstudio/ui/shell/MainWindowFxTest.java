package org.cxrstudio.ui.shell;

import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.cxrstudio.core.imaging.DisplayPipeline;
import org.cxrstudio.core.imaging.RadiographReader;
import org.cxrstudio.core.imaging.WindowLevel;
import org.cxrstudio.ui.overlay.FakeModels;
import org.cxrstudio.ui.task.FxBackgroundExecutor;
import org.cxrstudio.ui.viewer.ImageCanvas;
import org.cxrstudio.ui.viewer.ImageLoader;
import org.cxrstudio.ui.viewer.OpenedImage;
import org.cxrstudio.ui.viewer.TestImages;
import org.cxrstudio.ui.viewer.ViewerViewModel;
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
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Headless (Monocle) tests of the real window with the real reader. */
@ExtendWith(ApplicationExtension.class)
class MainWindowFxTest {
    @TempDir
    Path dir;
    private final FxBackgroundExecutor executor = new FxBackgroundExecutor(1);
    private MainViewModel main;
    private ViewerViewModel vm;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        main = new MainViewModel(ImageLoader.of(RadiographReader::read, DisplayPipeline::defaultWindow),
                new FakeModels(2 / 3.0, 1 / 3.0), executor);
        vm = main.viewer();
        window = new MainWindow(main, new RecentFiles(List.of(), l -> { }));
        stage.setScene(new Scene(window, 1000, 700));
        stage.show();
    }

    @AfterEach
    void close() {
        executor.close();
    }

    private OpenedImage openAndWait(FxRobot robot, Path p) throws Exception {
        robot.interact(() -> window.open(p));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.display().image() != null
                && vm.display().image().path().equals(p) && !vm.openingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        return vm.display().image();
    }

    @Test
    void openingAFileShowsTheImageFittedAndListsItAsRecent(FxRobot robot) throws Exception {
        Path png = TestImages.writePng(dir, "chest.png", 300, 200);
        OpenedImage img = openAndWait(robot, png);
        assertThat(img.width()).isEqualTo(300);
        ImageCanvas canvas = window.canvas();
        // the default window of an 8-bit PNG is the identity: the displayed pixel is the stored value
        int stored = img.image().pixels()[50 * 300 + 120];
        assertThat(canvas.displayedArgb(120, 50) & 0xFF).isEqualTo(stored);
        assertThat(vm.viewport().scale()).isCloseTo(Math.min(canvas.getWidth() / 300, canvas.getHeight() / 200),
                org.assertj.core.api.Assertions.within(1e-6));
        assertThat(window.recent().files()).containsExactly(png.toAbsolutePath().normalize());
        assertThat(robot.lookup("#status").queryLabeled().getText()).contains("chest.png", "300×200");
        assertThat(robot.lookup("#metadataTable").queryTableView().getItems()).isNotEmpty();
    }

    @Test
    void rightDragChangesWindowAndRendering(FxRobot robot) throws Exception {
        openAndWait(robot, TestImages.writePng(dir, "chest.png", 300, 200));
        WindowLevel before = vm.display().window();
        int pixelBefore = window.canvas().displayedArgb(150, 100);
        robot.moveTo("#imageCanvas").press(MouseButton.SECONDARY).moveBy(-80, 60).release(MouseButton.SECONDARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.display().window()).isNotEqualTo(before);
        assertThat(vm.display().window().width()).isLessThan(before.width());
        assertThat(window.canvas().displayedArgb(150, 100)).isNotEqualTo(pixelBefore);
        robot.clickOn("#resetWindow");
        assertThat(vm.display().window()).isEqualTo(before);
        assertThat(window.canvas().displayedArgb(150, 100)).isEqualTo(pixelBefore);
    }

    @Test
    void wheelZoomsAndToolbarFits(FxRobot robot) throws Exception {
        openAndWait(robot, TestImages.writePng(dir, "chest.png", 300, 200));
        double fit = vm.viewport().scale();
        robot.moveTo("#imageCanvas").scroll(3, javafx.geometry.VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.viewport().scale()).isNotEqualTo(fit);
        robot.clickOn("#fit");
        assertThat(vm.viewport().scale()).isEqualTo(fit);
        robot.clickOn("#oneToOne");
        assertThat(vm.viewport().scale()).isEqualTo(1.0);
    }

    @Test
    void arrowKeysStepThroughAFolder(FxRobot robot) throws Exception {
        Path a = TestImages.writePng(dir, "a.png", 120, 100);
        Path b = TestImages.writePng(dir, "b.png", 140, 100);
        robot.interact(() -> main.folder().openFolder(dir, true));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.display().image() != null && vm.display().image().path().equals(a));
        robot.clickOn("#imageCanvas").type(javafx.scene.input.KeyCode.RIGHT);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.display().image().path().equals(b));
        assertThat(robot.lookup("#folderList").queryListView().getSelectionModel().getSelectedIndex()).isEqualTo(1);
        robot.type(javafx.scene.input.KeyCode.LEFT);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.display().image().path().equals(a));
    }

    @Test
    void unreadableFileShowsErrorDialogAndKeepsTheImage(FxRobot robot) throws Exception {
        OpenedImage good = openAndWait(robot, TestImages.writePng(dir, "chest.png", 300, 200));
        Path bad = Files.write(dir.resolve("broken.dcm"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        robot.interact(() -> window.open(bad));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#errorDialog").tryQuery().isPresent());
        String text = robot.lookup("#errorDialog").queryAs(javafx.scene.control.DialogPane.class).getContentText();
        assertThat(text).contains("broken.dcm");
        assertThat(vm.display().image()).isSameAs(good);
    }
}
