package org.cxrstudio.ui.shell;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.cxrstudio.ui.viewer.ViewerViewModel;

/**
 * The status bar: what is open (and how long reading took), pixel readout, window/level, the
 * student model with its device, and the open→overlay time.
 */
final class StatusBar {
    private StatusBar() { }

    static HBox build(MainViewModel main) {
        ViewerViewModel vm = main.viewer();
        HBox statusBar = new HBox(12);
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(vm.statusProperty());
        Label readout = new Label();
        readout.setId("readout");
        readout.textProperty().bind(vm.display().readoutProperty());
        Label window = new Label();
        window.setId("windowText");
        Runnable updateWindow = () -> window.setText(vm.display().windowText());
        vm.display().windowProperty().addListener((o, a, b) -> updateWindow.run());
        vm.display().invertProperty().addListener((o, a, b) -> updateWindow.run());
        vm.display().voiLutProperty().addListener((o, a, b) -> updateWindow.run());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Label timing = new Label();
        timing.setId("statusTiming");
        timing.textProperty().bind(main.timingProperty());
        Label model = new Label();
        model.setId("statusModel");
        Runnable updateModel = () -> {
            var p = main.student().predictionProperty().get();
            model.setText(main.student().modelText());
        };
        main.student().cardProperty().addListener((o, a, b) -> updateModel.run());
        main.student().predictionProperty().addListener((o, a, b) -> updateModel.run());
        updateModel.run();
        statusBar.getChildren().addAll(status, grow, readout, new Separator(javafx.geometry.Orientation.VERTICAL), window,
                new Separator(javafx.geometry.Orientation.VERTICAL), model, timing);
        statusBar.setPadding(new Insets(3, 8, 3, 8));
        statusBar.setAlignment(Pos.CENTER_LEFT);
        statusBar.setId("statusBar");
        return statusBar;
    }
}
