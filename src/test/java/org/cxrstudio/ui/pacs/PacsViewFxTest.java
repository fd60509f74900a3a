package org.cxrstudio.ui.pacs;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

/** The dialog headless (Monocle): its controls exist, bind to the view model and start disabled correctly. */
@ExtendWith(ApplicationExtension.class)
class PacsViewFxTest {
    @TempDir
    static Path dir;
    private final Preferences prefs = Preferences.userRoot().node("org/cxrstudio/test/pacs-" + System.nanoTime());
    private PacsViewModel vm;

    @Start
    void start(Stage stage) {
        vm = new PacsViewModel(new ServerStore(prefs), dir, Runnable::run, Runnable::run, f -> { });
        vm.addServer(new ServerEntry("Clinic", "http://127.0.0.1:9/dicom-web", ""));
        stage.setScene(new Scene(new PacsView(vm)));
        stage.show();
    }

    @AfterEach
    void clean() throws Exception {
        prefs.removeNode();
    }

    @Test
    void controlsBindToTheViewModel(FxRobot robot) {
        ComboBox<?> server = robot.lookup("#pacsServer").queryAs(ComboBox.class);
        assertThat(server.getValue()).hasToString("Clinic");
        assertThat(robot.lookup("#pacsOpen").queryAs(Button.class).isDisabled()).as("nothing selected yet").isTrue();
        assertThat(robot.lookup("#pacsCancel").queryAs(Button.class).isDisabled()).as("nothing running").isTrue();
        assertThat(robot.lookup("#pacsPassword").queryAs(javafx.scene.control.PasswordField.class).isDisabled())
                .as("no user, no password").isTrue();
        robot.interact(() -> vm.patientIdProperty().set("P-7"));
        assertThat(robot.lookup("#pacsPatientId").queryAs(javafx.scene.control.TextField.class).getText()).isEqualTo("P-7");
        robot.interact(() -> robot.lookup("#pacsSearch").queryAs(Button.class).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#pacsStatus").queryAs(Label.class).getText()).contains("cannot connect");
        assertThat(robot.lookup("#pacsStudies").queryAs(TableView.class).getItems()).isEmpty();
    }
}
