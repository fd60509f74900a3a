package org.cxrstudio.ui.viewer;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * The view transform from image pixels to screen pixels: {@code screen = image * scale + offset}.
 * Overlays stay in image coordinates and go through this one transform when drawn. Compare mode
 * gives both panes the same instance, which is what keeps their zoom and pan in sync.
 *
 * <p>Properties only ({@code javafx.beans}); use from the FX thread.
 */
public final class ViewportModel {
    /** Smallest and largest zoom, screen pixels per image pixel. */
    public static final double MIN_SCALE = 0.02;
    public static final double MAX_SCALE = 32;

    private final DoubleProperty scale = new SimpleDoubleProperty(this, "scale", 1);
    private final DoubleProperty offsetX = new SimpleDoubleProperty(this, "offsetX", 0);
    private final DoubleProperty offsetY = new SimpleDoubleProperty(this, "offsetY", 0);
    private final DoubleProperty viewWidth = new SimpleDoubleProperty(this, "viewWidth", 1);
    private final DoubleProperty viewHeight = new SimpleDoubleProperty(this, "viewHeight", 1);
    private int imageWidth = 1;
    private int imageHeight = 1;
    private boolean autoFit = true;

    public ViewportModel() {
        viewWidth.addListener((o, a, b) -> refitIfAuto());
        viewHeight.addListener((o, a, b) -> refitIfAuto());
    }

    private void refitIfAuto() {
        if (autoFit) {
            fit();
        }
    }

    /** True until the user zooms or pans after the last fit: a resized view then refits. */
    public boolean isAutoFit() {
        return autoFit;
    }

    /** Screen pixels per image pixel. */
    public DoubleProperty scaleProperty() {
        return scale;
    }

    /** Screen x of image x = 0, screen pixels. */
    public DoubleProperty offsetXProperty() {
        return offsetX;
    }

    /** Screen y of image y = 0, screen pixels. */
    public DoubleProperty offsetYProperty() {
        return offsetY;
    }

    /** Size of the (smallest) pane showing the image, screen pixels; set by the view. */
    public DoubleProperty viewWidthProperty() {
        return viewWidth;
    }

    public DoubleProperty viewHeightProperty() {
        return viewHeight;
    }

    public double scale() {
        return scale.get();
    }

    /** Sets the image size (pixels) and fits it into the view. */
    public void setImageSize(int width, int height) {
        imageWidth = Math.max(1, width);
        imageHeight = Math.max(1, height);
        fit();
    }

    /** Fits the whole image into the view, centred. */
    public void fit() {
        double s = Math.min(viewWidth.get() / imageWidth, viewHeight.get() / imageHeight);
        s = clamp(Double.isFinite(s) && s > 0 ? s : 1);
        setTransform(s, (viewWidth.get() - imageWidth * s) / 2, (viewHeight.get() - imageHeight * s) / 2);
        autoFit = true;
    }

    /** One image pixel per screen pixel, keeping the view centre on the same image point. */
    public void oneToOne() {
        zoomTo(1, viewWidth.get() / 2, viewHeight.get() / 2);
    }

    /**
     * Multiplies the zoom by {@code factor}, keeping the image point under screen point
     * {@code (sx, sy)} fixed (zoom around the cursor).
     */
    public void zoomAt(double factor, double sx, double sy) {
        zoomTo(scale() * factor, sx, sy);
    }

    /** Sets the zoom to {@code newScale} (clamped), keeping the image point under {@code (sx, sy)} fixed. */
    public void zoomTo(double newScale, double sx, double sy) {
        double s = clamp(newScale);
        double ix = toImageX(sx);
        double iy = toImageY(sy);
        setTransform(s, sx - ix * s, sy - iy * s);
        autoFit = false;
    }

    /** Moves the image by {@code (dx, dy)} screen pixels. */
    public void pan(double dx, double dy) {
        offsetX.set(offsetX.get() + dx);
        offsetY.set(offsetY.get() + dy);
        autoFit = false;
    }

    /** Image x (pixels, fractional) under screen x. */
    public double toImageX(double sx) {
        return (sx - offsetX.get()) / scale();
    }

    public double toImageY(double sy) {
        return (sy - offsetY.get()) / scale();
    }

    public double toScreenX(double ix) {
        return ix * scale() + offsetX.get();
    }

    public double toScreenY(double iy) {
        return iy * scale() + offsetY.get();
    }

    private void setTransform(double s, double ox, double oy) {
        scale.set(s);
        offsetX.set(ox);
        offsetY.set(oy);
    }

    private static double clamp(double s) {
        return Math.max(MIN_SCALE, Math.min(MAX_SCALE, s));
    }
}
