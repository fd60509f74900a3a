package org.cxrstudio.ui.viewer;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The view transform from image pixels to screen pixels ({@link ViewTransform}:
 * {@code screen = image * scale + offset}). Overlays stay in image coordinates and go through
 * this one transform when drawn. Compare mode gives both panes the same instance, which is what keeps their zoom and pan in sync.
 *
 * <p>Properties only ({@code javafx.beans}); use from the FX thread.
 */
public final class ViewportModel {
    /** Smallest and largest zoom, screen pixels per image pixel. */
    public static final double MIN_SCALE = 0.02;
    public static final double MAX_SCALE = 32;

    private final ReadOnlyObjectWrapper<ViewTransform> transform =
            new ReadOnlyObjectWrapper<>(this, "transform", ViewTransform.IDENTITY);
    private double viewWidth = 1;
    private double viewHeight = 1;
    private int imageWidth = 1;
    private int imageHeight = 1;
    private boolean autoFit = true;

    /** True until the user zooms or pans after the last fit: a resized view then refits. */
    public boolean isAutoFit() {
        return autoFit;
    }

    /** The current transform; one change per zoom, pan or fit. */
    public ReadOnlyObjectProperty<ViewTransform> transformProperty() {
        return transform.getReadOnlyProperty();
    }

    /** Screen pixels per image pixel. */
    public double scale() {
        return transform.get().scale();
    }

    /**
     * Size of the (smallest) pane showing the image, screen pixels; set by the view on layout.
     * While auto-fitting, a new size refits the image.
     */
    public void setViewSize(double width, double height) {
        if (width == viewWidth && height == viewHeight) {
            return;
        }
        viewWidth = width;
        viewHeight = height;
        if (autoFit) {
            fit();
        }
    }

    /** Sets the image size (pixels) and fits it into the view. */
    public void setImageSize(int width, int height) {
        imageWidth = Math.max(1, width);
        imageHeight = Math.max(1, height);
        fit();
    }

    /** Fits the whole image into the view, centred. */
    public void fit() {
        double s = Math.min(viewWidth / imageWidth, viewHeight / imageHeight);
        s = clamp(Double.isFinite(s) && s > 0 ? s : 1);
        setTransform(s, (viewWidth - imageWidth * s) / 2, (viewHeight - imageHeight * s) / 2);
        autoFit = true;
    }

    /** One image pixel per screen pixel, keeping the view centre on the same image point. */
    public void oneToOne() {
        zoomTo(1, viewWidth / 2, viewHeight / 2);
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
        ViewTransform t = transform.get();
        setTransform(t.scale(), t.offsetX() + dx, t.offsetY() + dy);
        autoFit = false;
    }

    /** Image x (pixels, fractional) under screen x. */
    public double toImageX(double sx) {
        return (sx - transform.get().offsetX()) / scale();
    }

    public double toImageY(double sy) {
        return (sy - transform.get().offsetY()) / scale();
    }

    public double toScreenX(double ix) {
        return ix * scale() + transform.get().offsetX();
    }

    public double toScreenY(double iy) {
        return iy * scale() + transform.get().offsetY();
    }

    private void setTransform(double s, double ox, double oy) {
        transform.set(new ViewTransform(s, ox, oy));
    }

    private static double clamp(double s) {
        return Math.max(MIN_SCALE, Math.min(MAX_SCALE, s));
    }
}
