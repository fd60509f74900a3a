package org.cxrstudio.ui.shell;

import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;

import java.nio.file.Path;

/** The list of studies in the open folder; the selection follows and drives the folder model. */
public final class FolderStrip extends BorderPane {

    public FolderStrip(FolderViewModel vm) {
        setId("folderStrip");
        ListView<Path> list = new ListView<>(vm.files());
        list.setId("folderList");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Path p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.getFileName().toString());
            }
        });
        list.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> {
            if (i.intValue() >= 0) {
                vm.selectedProperty().set(i.intValue());
            }
        });
        vm.selectedProperty().addListener((o, a, i) -> {
            if (list.getSelectionModel().getSelectedIndex() != i.intValue()) {
                list.getSelectionModel().select(i.intValue());
                list.scrollTo(Math.max(0, i.intValue()));
            }
        });
        Label title = new Label();
        vm.folderProperty().addListener((o, a, f) -> title.setText(f == null ? "" : String.valueOf(f.getFileName())));
        setTop(title);
        setCenter(list);
        setPrefWidth(200);
        visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.files()));
        managedProperty().bind(visibleProperty());
    }
}
