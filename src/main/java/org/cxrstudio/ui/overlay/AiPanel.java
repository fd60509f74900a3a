package org.cxrstudio.ui.overlay;

import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.cxrstudio.ui.Messages;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

import java.io.File;
import java.nio.file.Path;

/**
 * Side panel for the AI result: score badge, live threshold slider, heatmap and box controls
 * with the colour legend, and the model picker (bundled models or any {@code .onnx} file) with
 * the device it runs on.
 */
public final class AiPanel extends VBox {

    /**
     * @param models models offered in the picker (e.g. {@code models/student.onnx}); the
     *               "Other…" button adds to it
     */
    public AiPanel(ModelSlotViewModel slot, OverlayOptions options, ObservableList<Path> models) {
        setSpacing(8);
        setPadding(new Insets(8));
        ScoreBadge badge = new ScoreBadge(slot);
        badge.setId("scoreBadge");
        ProgressBar busy = new ProgressBar();
        busy.setMaxWidth(Double.MAX_VALUE);
        busy.visibleProperty().bind(slot.runningProperty().or(Bindings.equal(slot.stateProperty(), ModelSlotViewModel.State.LOADING)));
        busy.managedProperty().bind(busy.visibleProperty());

        Slider threshold = new Slider(0, 1, slot.thresholdProperty().get());
        threshold.setId("threshold");
        threshold.valueProperty().bindBidirectional(slot.thresholdProperty());
        threshold.setShowTickMarks(true);
        threshold.setMajorTickUnit(0.25);
        Label thresholdValue = new Label();
        thresholdValue.setId("thresholdValue");
        Label site = new Label();
        site.setId("siteLabel");
        site.getStyleClass().add("site-label");
        site.setWrapText(true);
        Runnable updateThreshold = () -> {
            thresholdValue.setText(Messages.format("score.threshold", slot.thresholdScore()));
            site.setText(slot.siteProperty().get() == null ? Messages.get("site.none") : slot.siteText());
        };
        slot.thresholdProperty().addListener((o, a, b) -> updateThreshold.run());
        slot.cardProperty().addListener((o, a, b) -> updateThreshold.run());
        slot.siteProperty().addListener((o, a, b) -> updateThreshold.run());
        updateThreshold.run();
        Button cardThreshold = new Button(Messages.get("ai.cardDefault"));
        cardThreshold.setTooltip(new Tooltip(Messages.get("ai.cardDefault.tip")));
        cardThreshold.setOnAction(e -> {
            if (slot.cardProperty().get() != null) {
                slot.thresholdProperty().set(slot.cardProperty().get().threshold());
            }
        });

        CheckBox heat = new CheckBox(Messages.get("ai.heatmap"));
        heat.setId("heatmapToggle");
        heat.selectedProperty().bindBidirectional(options.heatmapVisibleProperty());
        Slider opacity = new Slider(0, 1, options.heatmapOpacityProperty().get());
        opacity.setId("heatmapOpacity");
        opacity.valueProperty().bindBidirectional(options.heatmapOpacityProperty());
        opacity.setTooltip(new Tooltip(Messages.get("ai.opacity")));
        ComboBox<Colormap> colormap = new ComboBox<>();
        colormap.getItems().setAll(Colormap.values());
        colormap.valueProperty().bindBidirectional(options.colormapProperty());
        CheckBox boxes = new CheckBox(Messages.get("ai.boxes"));
        boxes.setId("boxesToggle");
        boxes.selectedProperty().bindBidirectional(options.boxesVisibleProperty());

        ComboBox<Path> picker = new ComboBox<>(models);
        picker.setId("modelPicker");
        picker.setMaxWidth(Double.MAX_VALUE);
        picker.setPromptText(Messages.get("ai.chooseModel"));
        picker.setOnAction(e -> {
            if (picker.getValue() != null) {
                slot.load(picker.getValue());
            }
        });
        Button other = new Button(null, new FontIcon(MaterialDesignF.FOLDER_OPEN));
        other.setTooltip(new Tooltip(Messages.get("ai.otherModel")));
        other.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("filter.onnx"), "*.onnx"));
            File f = fc.showOpenDialog(getScene().getWindow());
            if (f != null) {
                Path p = f.toPath();
                if (!models.contains(p)) {
                    models.add(p);
                }
                picker.setValue(p);
            }
        });
        HBox pickRow = new HBox(4, picker, other);
        HBox.setHgrow(picker, Priority.ALWAYS);
        Label model = new Label();
        model.setId("modelLabel");
        model.setWrapText(true);
        Runnable updateModel = () -> {
            model.setText(slot.modelText());
            model.setTooltip(slot.deviceReasonProperty().get().isEmpty() ? null : new Tooltip(slot.deviceReasonProperty().get()));
        };
        slot.cardProperty().addListener((o, a, b) -> updateModel.run());
        slot.deviceProperty().addListener((o, a, b) -> updateModel.run());
        updateModel.run();
        Label timing = new Label();
        timing.setId("inferenceTime");
        slot.predictionProperty().addListener((o, a, p) -> timing.setText(p == null ? ""
                : Messages.format("ai.inferenceTime", Math.round(p.millis()), p.device())));

        getChildren().addAll(badge, busy, thresholdValue, threshold, cardThreshold, site, new Separator(),
                heat, new Label(Messages.get("ai.opacity")), opacity, new Label(Messages.get("ai.colormap")), colormap, new ColormapLegend(options.colormapProperty()), boxes, new Separator(),
                new Label(Messages.get("ai.model")), pickRow, model, timing,
                disclaimer());
    }

    private static Label disclaimer() {
        Label l = new Label(Messages.get("ai.disclaimer"));
        l.setWrapText(true);
        l.setStyle("-fx-font-size: 11px; -fx-text-fill: -fx-mid-text-color;");
        return l;
    }
}
