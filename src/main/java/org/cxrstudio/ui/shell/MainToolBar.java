package org.cxrstudio.ui.shell;

import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import org.cxrstudio.ui.Messages;
import org.cxrstudio.ui.viewer.ViewerViewModel;
import org.cxrstudio.ui.viewer.WindowPreset;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignN;

/** The main window's toolbar: open, zoom, window/level, invert, presets, compare (icons with tooltips). */
final class MainToolBar {
    private MainToolBar() { }

    static ToolBar build(MainWindow w) {
        MainViewModel main = w.mainViewModel();
        ViewerViewModel vm = main.viewer();
        ComboBox<WindowPreset> presets = new ComboBox<>(vm.display().presets());
        presets.setId("presets");
        presets.setPromptText(Messages.get("toolbar.presets"));
        presets.setTooltip(new Tooltip(Messages.get("tip.presets")));
        presets.setOnAction(e -> vm.display().applyPreset(presets.getValue()));
        vm.display().imageProperty().addListener((o, a, b) -> presets.getSelectionModel().clearSelection());
        ToggleButton invert = new ToggleButton(null, new FontIcon(MaterialDesignI.INVERT_COLORS));
        invert.setId("invert");
        invert.setTooltip(new Tooltip(Messages.get("tip.invert")));
        invert.selectedProperty().bindBidirectional(vm.display().invertProperty());
        ToggleButton compare = new ToggleButton(null, new FontIcon(MaterialDesignC.COMPARE));
        compare.setId("compareToggle");
        compare.setTooltip(new Tooltip(Messages.get("tip.compare")));
        compare.selectedProperty().bindBidirectional(main.compare().activeProperty());
        return new ToolBar(
                button("open", MaterialDesignF.FOLDER_OPEN, "tip.open", w::chooseAndOpen),
                new Separator(),
                button("fit", MaterialDesignF.FIT_TO_PAGE_OUTLINE, "tip.fit", () -> vm.viewport().fit()),
                button("oneToOne", MaterialDesignN.NUMERIC_1_BOX_OUTLINE, "tip.oneToOne", () -> vm.viewport().oneToOne()),
                button("zoomIn", MaterialDesignM.MAGNIFY_PLUS_OUTLINE, "tip.zoomIn", () -> w.zoom(1.25)),
                button("zoomOut", MaterialDesignM.MAGNIFY_MINUS_OUTLINE, "tip.zoomOut", () -> w.zoom(0.8)),
                new Separator(),
                invert,
                button("resetWindow", MaterialDesignC.CONTRAST_BOX, "tip.resetWindow", () -> vm.display().resetWindow()),
                presets,
                new Separator(),
                compare);
    }

    private static ButtonBase button(String id, Ikon icon, String tipKey, Runnable action) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(Messages.get(tipKey)));
        b.setOnAction(e -> action.run());
        return b;
    }
}
