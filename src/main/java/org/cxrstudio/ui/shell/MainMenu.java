package org.cxrstudio.ui.shell;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import org.cxrstudio.ui.Messages;
import org.cxrstudio.ui.viewer.ViewerViewModel;

import java.nio.file.Path;

/** Builds the menu bar of {@link MainWindow}; keyboard shortcuts are menu accelerators. */
final class MainMenu {
    private final MainWindow w;
    private final Menu recentMenu = new Menu(Messages.get("menu.openRecent"));

    MainMenu(MainWindow w) {
        this.w = w;
    }

    MenuBar build() {
        MenuBar bar = new MenuBar(fileMenu(), viewMenu(), helpMenu());
        bar.setId("menuBar");
        return bar;
    }

    private Menu fileMenu() {
        MenuItem open = item("menu.open", "Shortcut+O", w::chooseAndOpen);
        open.setId("menuOpen");
        w.recent().files().addListener((ListChangeListener<Path>) c -> rebuildRecent());
        rebuildRecent();
        MenuItem quit = item("menu.quit", "Shortcut+Q", Platform::exit);
        MenuItem export = item("menu.export", "Shortcut+E", () -> w.export(false));
        export.setId("menuExport");
        MenuItem report = item("menu.report", "Shortcut+Shift+E", () -> w.export(true));
        MenuItem folder = item("menu.openFolder", "Shortcut+Shift+O", w::chooseFolder);
        MenuItem site = item("menu.site", null, w::chooseSite);
        site.setId("menuSite");
        MenuItem siteClear = item("menu.siteClear", null, () -> w.mainViewModel().clearSite());
        MenuItem pacs = item("menu.openPacs", "Shortcut+Shift+P", w::openFromPacs);
        pacs.setId("menuOpenPacs");
        MenuItem pdf = item("menu.savePdf", "Shortcut+P", w::savePdfReport);
        pdf.setId("menuSavePdf");
        return new Menu(Messages.get("menu.file"), null, open, folder, pacs, recentMenu, new SeparatorMenuItem(), export,
                report, pdf, new SeparatorMenuItem(), site, siteClear, new SeparatorMenuItem(), quit);
    }

    private void rebuildRecent() {
        recentMenu.getItems().clear();
        for (Path p : w.recent().files()) {
            MenuItem mi = new MenuItem(p.getFileName() + "  —  " + p.getParent());
            mi.setMnemonicParsing(false);
            mi.setOnAction(e -> w.open(p));
            recentMenu.getItems().add(mi);
        }
        if (!recentMenu.getItems().isEmpty()) {
            recentMenu.getItems().addAll(new SeparatorMenuItem(), item("menu.clearRecent", null, () -> w.recent().clear()));
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private Menu viewMenu() {
        ViewerViewModel viewer = w.mainViewModel().viewer();
        CheckMenuItem invert = new CheckMenuItem(Messages.get("menu.invert"));
        invert.setAccelerator(KeyCombination.keyCombination("I"));
        invert.selectedProperty().bindBidirectional(viewer.display().invertProperty());
        Menu view = new Menu(Messages.get("menu.view"), null,
                item("menu.fit", "F", () -> viewer.viewport().fit()),
                item("menu.oneToOne", "1", () -> viewer.viewport().oneToOne()),
                item("menu.zoomIn", "Plus", () -> w.zoom(1.25)),
                item("menu.zoomOut", "Minus", () -> w.zoom(0.8)),
                new SeparatorMenuItem(),
                invert,
                item("menu.resetWindow", "R", () -> viewer.display().resetWindow()),
                new SeparatorMenuItem(),
                compare());
        view.setId("menuView"); // the app adds View > Language here
        return view;
    }

    private CheckMenuItem compare() {
        CheckMenuItem c = new CheckMenuItem(Messages.get("menu.compare"));
        c.setAccelerator(KeyCombination.keyCombination("C"));
        c.selectedProperty().bindBidirectional(w.mainViewModel().compare().activeProperty());
        return c;
    }

    private Menu helpMenu() {
        return new Menu(Messages.get("menu.help"), null, item("menu.controls", "F1", () -> {
            Alert a = new Alert(Alert.AlertType.INFORMATION, Messages.get("controls.text"));
            a.setHeaderText(Messages.get("menu.controls").replace("_", ""));
            a.initOwner(w.window());
            a.show();
        }));
    }

    static MenuItem item(String key, String accelerator, Runnable action) {
        MenuItem mi = new MenuItem(Messages.get(key));
        if (accelerator != null) {
            mi.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        mi.setOnAction(e -> action.run());
        return mi;
    }
}
