package org.cxrstudio.ui.shell;

import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;

import java.nio.file.Path;

/** The list of studies in the open folder; the selection follows and drives the folder model. */
public final class FolderStrip extends BorderPane {

    static WritableImage toImage(Thumbnail t) {
        WritableImage img = new WritableImage(t.width(), t.height());
        img.getPixelWriter().setPixels(0, 0, t.width(), t.height(), PixelFormat.getIntArgbInstance(), t.argb(), 0, t.width());
        return img;
    }

    public FolderStrip(FolderViewModel vm) {
        setId("folderStrip");
        ListView<Path> list = new ListView<>(vm.files());
        list.setId("folderList");
        list.setCellFactory(v -> new ListCell<>() {
            private final ImageView thumb = new ImageView();

            {
                thumb.setFitWidth(FolderViewModel.THUMBNAIL_SIDE);
                thumb.setFitHeight(FolderViewModel.THUMBNAIL_SIDE);
                thumb.setPreserveRatio(true);
            }

            @Override
            protected void updateItem(Path p, boolean empty) {
                super.updateItem(p, empty);
                thumb.setImage(null);
                setText(empty || p == null ? null : p.getFileName().toString());
                setGraphic(empty || p == null ? null : thumb);
                if (!empty && p != null) {
                    vm.thumbnail(p, t -> {
                        if (p.equals(getItem())) {
                            thumb.setImage(toImage(t));
                        }
                    });
                }
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
        setPrefWidth(230);
        visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.files()));
        managedProperty().bind(visibleProperty());
    }
}
