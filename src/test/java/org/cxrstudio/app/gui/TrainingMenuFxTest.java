package org.cxrstudio.app.gui;

import javafx.scene.Scene;
import javafx.scene.control.MenuBar;
import javafx.stage.Stage;
import org.cxrstudio.core.imaging.DisplayPipeline;
import org.cxrstudio.core.imaging.RadiographReader;
import org.cxrstudio.ui.shell.MainViewModel;
import org.cxrstudio.ui.shell.MainWindow;
import org.cxrstudio.ui.shell.RecentFiles;
import org.cxrstudio.ui.task.FxBackgroundExecutor;
import org.cxrstudio.ui.viewer.ImageLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/** The training panel's hook into the main window: the Training menu opens the panel; settings come back. */
@ExtendWith(ApplicationExtension.class)
class TrainingMenuFxTest {
    private final FxBackgroundExecutor executor = new FxBackgroundExecutor(2);
    private final Preferences prefs = Preferences.userRoot().node("org/cxrstudio/test/menu-" + System.nanoTime());
    private TrainingPanel panel;
    private MainWindow window;
    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
        MainViewModel main = new MainViewModel(ImageLoader.of(RadiographReader::read, DisplayPipeline::defaultWindow),
                onnx -> TbModelPredictor.load(onnx, new ViewerGate(org.cxrstudio.core.gate.InputGate::headerRulesOnly)), executor);
        window = new MainWindow(main, new RecentFiles(List.of(), l -> { }));
        stage.setScene(new Scene(window, 1000, 700));
        stage.show();
        prefs.put("form.arch", "student-m");
        prefs.put("form.epochs", "7");
        prefs.put("form.r0", "5.0");
        panel = TrainingPanel.install(stage, window, main, prefs);
    }

    @AfterEach
    void close() throws BackingStoreException {
        panel.close();
        executor.close();
        prefs.removeNode();
    }

    @Test
    void trainingMenuOpensThePanelWithTheRememberedSettings(FxRobot robot) {
        MenuBar bar = (MenuBar) window.lookup("#menuBar");
        assertThat(bar.getMenus()).anyMatch(m -> m.getText().equals("_Training"));
        robot.interact(() -> bar.getMenus().stream().filter(m -> m.getText().equals("_Training")).findFirst()
                .orElseThrow().getItems().get(0).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#trainingView").tryQuery()).isPresent();
        assertThat(robot.lookup("#archBox").queryComboBox().getValue()).isEqualTo("student-m");
        assertThat(panel.viewModel().form().epochsProperty().get()).isEqualTo(7);
        assertThat(robot.lookup("#r0Spinner").queryAs(javafx.scene.control.Spinner.class).getValue()).isEqualTo(5.0);
        assertThat(panel.confirmExit()).isTrue(); // nothing running: no question
    }
}
