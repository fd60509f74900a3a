package org.cxrstudio.ui.compare;

import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
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
 * window/level gesture in either pane moves both. The agreement bar below summarises where the
 * models differ.
 */
public final class CompareView extends BorderPane {
    private final OverlayLayer leftLayer;
    private final OverlayLayer rightLayer;

    public CompareView(CompareViewModel vm, ImageViewModel display, ViewportModel viewport, OverlayOptions options,
                       ObservableList<Path> models) {
        setId("compareView");
        ImageCanvas left = new ImageCanvas(display, viewport);
        left.setId("compareLeft");
        ImageCanvas right = new ImageCanvas(display, viewport);
        right.setId("compareRight");
        leftLayer = new OverlayLayer(left, viewport, vm.left(), options);
        rightLayer = new OverlayLayer(right, viewport, vm.right(), options);
        HBox panes = new HBox(4, pane(vm.left(), left, models), pane(vm.right(), right, models));
        panes.getChildren().forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));
        Label agreement = new Label(Messages.get("compare.waiting"));
        agreement.setId("agreement");
        agreement.setPadding(new Insets(4, 8, 4, 8));
        agreement.getStyleClass().add("agreement-bar");
        agreement.setMaxWidth(Double.MAX_VALUE);
        vm.agreementProperty().addListener((o, a, b) -> agreement.setText(b == null ? Messages.get("compare.waiting") : b.summary()));
        setCenter(panes);
        setBottom(agreement);
    }

    private static VBox pane(ModelSlotViewModel slot, ImageCanvas canvas, ObservableList<Path> models) {
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
        VBox box = new VBox(header, canvas);
        VBox.setVgrow(canvas, Priority.ALWAYS);
        canvas.setPrefWidth(100);
        box.setPrefWidth(100);
        box.setMinWidth(0);
        return box;
    }

    public OverlayLayer leftLayer() {
        return leftLayer;
    }

    public OverlayLayer rightLayer() {
        return rightLayer;
    }
}
