package org.cxrstudio.ui.overlay;

import javafx.scene.Group;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import org.cxrstudio.core.inference.Prediction;
import org.cxrstudio.core.saliency.Box;
import org.cxrstudio.core.saliency.Heatmap;
import org.cxrstudio.ui.Messages;
import org.cxrstudio.ui.viewer.ImageCanvas;
import org.cxrstudio.ui.viewer.ViewportModel;


/**
 * Draws one slot's prediction over an {@link ImageCanvas}, in a fixed layer order: heatmap
 * (image coordinates, under the view transform) then boxes with their scores (screen
 * coordinates recomputed from image coordinates on every viewport change, so outlines keep a
 * constant width and stay registered while zooming). Boxes show only when the score is at or
 * above the slot's live threshold.
 */
public final class OverlayLayer {
    private final ImageCanvas canvas;
    private final ViewportModel viewport;
    private final ModelSlotViewModel slot;
    private final OverlayOptions options;
    private final ImageView heatmap = new ImageView();
    private final Group boxes = new Group();

    public OverlayLayer(ImageCanvas canvas, ViewportModel viewport, ModelSlotViewModel slot, OverlayOptions options) {
        this.canvas = canvas;
        this.viewport = viewport;
        this.slot = slot;
        this.options = options;
        heatmap.setSmooth(true);
        heatmap.setId("heatmap");
        boxes.setId("boxes");
        canvas.worldLayer().getChildren().add(heatmap);
        canvas.screenLayer().getChildren().add(boxes);
        initListeners();
        redrawHeatmap();
        redrawBoxes();
    }

    private void initListeners() {
        heatmap.opacityProperty().bind(options.heatmapOpacityProperty());
        slot.predictionProperty().addListener((o, a, b) -> {
            redrawHeatmap();
            redrawBoxes();
        });
        options.colormapProperty().addListener((o, a, b) -> redrawHeatmap());
        options.heatmapVisibleProperty().addListener((o, a, b) -> updateVisibility());
        options.boxesVisibleProperty().addListener((o, a, b) -> redrawBoxes());
        slot.positiveProperty().addListener((o, a, b) -> redrawBoxes());
        viewport.transformProperty().addListener((o, a, b) -> redrawBoxes());
    }

    private void updateVisibility() {
        heatmap.setVisible(options.heatmapVisibleProperty().get() && heatmap.getImage() != null);
    }

    private void redrawHeatmap() {
        Prediction p = slot.predictionProperty().get();
        if (p == null || p.heatmap() == null) {
            heatmap.setImage(null);
            updateVisibility();
            return;
        }
        Heatmap h = p.heatmap();
        int[] wh = HeatmapRaster.size(h);
        WritableImage img = new WritableImage(wh[0], wh[1]);
        img.getPixelWriter().setPixels(0, 0, wh[0], wh[1], PixelFormat.getIntArgbInstance(),
                HeatmapRaster.colour(h, options.colormapProperty().get()), 0, wh[0]);
        heatmap.setImage(img);
        heatmap.setFitWidth(h.imageWidth());
        heatmap.setFitHeight(h.imageHeight());
        updateVisibility();
    }

    private void redrawBoxes() {
        boxes.getChildren().clear();
        Prediction p = slot.predictionProperty().get();
        if (p == null || !options.boxesVisibleProperty().get() || !slot.positiveProperty().get()) {
            return;
        }
        int rank = 0;
        for (Box b : p.boxes()) {
            double x1 = viewport.toScreenX(b.x1());
            double y1 = viewport.toScreenY(b.y1());
            Rectangle r = new Rectangle(x1, y1, viewport.toScreenX(b.x2()) - x1, viewport.toScreenY(b.y2()) - y1);
            r.setFill(Color.TRANSPARENT);
            r.setStroke(Color.web("#ffeb3b"));
            r.setStrokeWidth(2);
            r.getStyleClass().add("finding-box");
            Text label = new Text(x1 + 3, Math.max(14, y1 - 4), Integer.toString(++rank)); // numbered as in the report
            label.getStyleClass().add("box-label");
            label.setFill(Color.web("#ffeb3b"));
            boxes.getChildren().addAll(r, label);
        }
    }

    /** Number of box outlines drawn now (for tests). */
    public int drawnBoxCount() {
        return (int) boxes.getChildren().stream().filter(n -> n instanceof Rectangle).count();
    }

    /** The heatmap node (for tests and export). */
    public ImageView heatmapView() {
        return heatmap;
    }

    /** The canvas drawn on. */
    public ImageCanvas canvas() {
        return canvas;
    }
}
