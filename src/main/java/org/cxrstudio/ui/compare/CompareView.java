package org.cxrstudio.ui.compare;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.shape.Rectangle;
import org.cxrstudio.ui.Messages;
import org.cxrstudio.ui.overlay.ModelSlotViewModel;
import org.cxrstudio.ui.overlay.OverlayLayer;
import org.cxrstudio.ui.overlay.OverlayOptions;
import org.cxrstudio.ui.overlay.ScoreBadge;
import org.cxrstudio.ui.viewer.ImageCanvas;
import org.cxrstudio.ui.viewer.ImageViewModel;
import org.cxrstudio.ui.viewer.ViewportModel;

import java.nio.file.Path;

/**
 * Two image panes side by side (model A left, model B right) over the same image. Both canvases
 * bind to the same {@link ImageViewModel} and {@link ViewportModel}, so a zoom, pan or
 * window/level gesture in either pane moves both. The two model headers share one grid row, so
 * both images start at the same height whatever each header holds. The agreement bar below
 * summarises where the models differ.
 */
public final class CompareView extends BorderPane {
    private final OverlayLayer leftLayer;
    private final OverlayLayer rightLayer;
    private final Region leftHeader;

    public CompareView(CompareViewModel vm, ImageViewModel display, ViewportModel viewport, OverlayOptions options,
                       ObservableList<Path> models) {
        setId("compareView");
        ImageCanvas left = new ImageCanvas(display, viewport);
        left.setId("compareLeft");
        ImageCanvas right = new ImageCanvas(display, viewport);
        right.setId("compareRight");
        leftLayer = new OverlayLayer(left, viewport, vm.left(), options);
        rightLayer = new OverlayLayer(right, viewport, vm.right(), options);
        leftHeader = header(vm.left(), models);
        GridPane panes = new GridPane();
        panes.setHgap(4);
        panes.add(leftHeader, 0, 0);
        panes.add(header(vm.right(), models), 1, 0);
        panes.add(left, 0, 1);
        panes.add(right, 1, 1);
        for (int column = 0; column < 2; column++) {
            ColumnConstraints half = new ColumnConstraints();
            half.setPercentWidth(50);
            panes.getColumnConstraints().add(half);
        }
        RowConstraints images = new RowConstraints();
        images.setVgrow(Priority.ALWAYS);
        panes.getRowConstraints().addAll(new RowConstraints(), images);
        for (ImageCanvas c : new ImageCanvas[] {left, right}) {
            c.setPrefWidth(100);
            c.setMinSize(0, 0);
        }
        Label agreement = new Label(Messages.get("compare.waiting"));
        agreement.setId("agreement");
        agreement.setPadding(new Insets(4, 8, 4, 8));
        agreement.getStyleClass().add("agreement-bar");
        agreement.setMaxWidth(Double.MAX_VALUE);
        vm.agreementProperty().addListener((o, a, b) -> agreement.setText(b == null ? Messages.get("compare.waiting") : b.summary()));
        setCenter(panes);
        setBottom(agreement);
    }

    /** The pane's header: score badge, model name and device, model picker, other-model button. */
    private static Region header(ModelSlotViewModel slot, ObservableList<Path> models) {
        Label title = new Label();
        Runnable update = () -> title.setText(slot.modelText());
        slot.cardProperty().addListener((o, a, b) -> update.run());
        slot.deviceProperty().addListener((o, a, b) -> update.run());
        update.run();
        // the model name must stay readable: the title keeps its width, the picker gives way
        title.setMinWidth(Region.USE_PREF_SIZE);
        ComboBox<Path> picker = new ComboBox<>(models);
        picker.setPromptText(Messages.get("compare.model"));
        picker.setPrefWidth(110);
        picker.setMinWidth(40);
        picker.setOnAction(e -> {
            if (picker.getValue() != null) {
                slot.load(picker.getValue());
            }
        });
        ScoreBadge badge = new ScoreBadge(slot);
        javafx.scene.control.Button other = new javafx.scene.control.Button(null,
                new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignF.FOLDER_OPEN));
        other.setTooltip(new javafx.scene.control.Tooltip(Messages.get("compare.otherModel")));
        other.setOnAction(e -> {
            javafx.stage.FileChooser fc = new javafx.stage.FileChooser();
            fc.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter(Messages.get("filter.onnx"), "*.onnx"));
            java.io.File f = fc.showOpenDialog(other.getScene().getWindow());
            if (f != null) {
                if (!models.contains(f.toPath())) {
                    models.add(f.toPath());
                }
                picker.setValue(f.toPath());
            }
        });
        HBox header = new HBox(8, badge, title, picker, other);
        header.setPadding(new Insets(4));
        header.getStyleClass().add("compare-header");
        header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        header.setMinWidth(0);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(header.widthProperty());
        clip.heightProperty().bind(header.heightProperty());
        header.setClip(clip); // a very narrow pane cuts the header off instead of drawing over its neighbour
        return header;
    }

    /** Height of the model headers above the images (one row, the same for both panes). */
    public ReadOnlyDoubleProperty headerHeightProperty() {
        return leftHeader.heightProperty();
    }

    public OverlayLayer leftLayer() {
        return leftLayer;
    }

    public OverlayLayer rightLayer() {
        return rightLayer;
    }
}
