package org.cxrstudio.ui.viewer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cxrstudio.core.imaging.WindowLevel;
import org.cxrstudio.ui.Messages;



/**
 * Display state of the open image: which image, its window/level, invert, presets and the
 * pixel readout under the cursor. Shared by the single view and both compare panes, so window
 * changes are synchronised by construction.
 *
 * <p>Properties only; use from the FX thread. No toolkit needed for tests.
 */
public final class ImageViewModel {
    /** Modality units per screen pixel of right-drag, as a fraction of the stored range. */
    private static final double DRAG_SENSITIVITY = 1.0 / 400;

    private final ReadOnlyObjectWrapper<OpenedImage> image = new ReadOnlyObjectWrapper<>(this, "image");
    private final ObjectProperty<WindowLevel> window = new SimpleObjectProperty<>(this, "window");
    private final BooleanProperty invert = new SimpleBooleanProperty(this, "invert", false);
    private final BooleanProperty voiLut = new SimpleBooleanProperty(this, "voiLut", false);
    private final ObservableList<WindowPreset> presets = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper readout = new ReadOnlyStringWrapper(this, "readout", "");

    public ReadOnlyObjectProperty<OpenedImage> imageProperty() {
        return image.getReadOnlyProperty();
    }

    public OpenedImage image() {
        return image.get();
    }

    /** Current VOI window, modality units; {@code null} until an image is shown. */
    public ObjectProperty<WindowLevel> windowProperty() {
        return window;
    }

    public WindowLevel window() {
        return window.get();
    }

    /** User invert on top of the photometric interpretation. */
    public BooleanProperty invertProperty() {
        return invert;
    }

    /**
     * Showing the file's VOI LUT instead of {@link #windowProperty()} (the default for files with
     * a VOI LUT and no window, as in the display pipeline the model uses); any window change
     * turns it off.
     */
    public BooleanProperty voiLutProperty() {
        return voiLut;
    }

    public ObservableList<WindowPreset> presets() {
        return presets;
    }

    /** "x, y: value" of the pixel under the cursor, or empty. */
    public ReadOnlyStringProperty readoutProperty() {
        return readout.getReadOnlyProperty();
    }

    /** Shows a newly opened image with its default window; invert is reset. */
    public void show(OpenedImage img) {
        presets.setAll(WindowPreset.forImage(img));
        invert.set(false);
        window.set(img.defaultWindow());
        voiLut.set(img.defaultsToVoiLut());
        image.set(img);
        readout.set("");
    }

    /** Back to the pipeline's default window. */
    public void resetWindow() {
        if (image.get() != null) {
            window.set(image.get().defaultWindow());
            voiLut.set(image.get().defaultsToVoiLut());
            invert.set(false);
        }
    }

    public void applyPreset(WindowPreset p) {
        if (p != null && image.get() != null) {
            voiLut.set(p.window() == null);
            window.set(p.window() == null ? image.get().defaultWindow() : p.window());
        }
    }

    /**
     * Right-drag window/level: moving right widens the window (less contrast), moving down
     * lowers the centre (brighter image). Deltas in screen pixels.
     */
    public void dragWindow(double dx, double dy) {
        OpenedImage img = image.get();
        WindowLevel w = window.get();
        if (img == null || w == null) {
            return;
        }
        double span = img.range().fullWindow(img.image()).width();
        double step = Math.max(span * DRAG_SENSITIVITY, 0.25);
        double width = Math.max(1, w.width() + dx * step);
        double center = w.center() - dy * step;
        voiLut.set(false);
        window.set(new WindowLevel(center, width));
    }

    /**
     * Updates the readout for image coordinates (fractional pixels); outside the image it clears.
     */
    public void pointAt(double imageX, double imageY) {
        OpenedImage img = image.get();
        if (img == null || imageX < 0 || imageY < 0 || imageX >= img.width() || imageY >= img.height()) {
            readout.set("");
            return;
        }
        int x = (int) imageX;
        int y = (int) imageY;
        int stored = img.image().pixels()[y * img.width() + x];
        double modality = stored * img.image().rescaleSlope() + img.image().rescaleIntercept();
        readout.set(Messages.format("status.readout", String.valueOf(x), String.valueOf(y),
                modality == stored ? Integer.toString(stored) : stored + " (" + Messages.number(modality, 1) + ")"));
    }

    /** Short "C/W" text of the current window, for the status bar. */
    public String windowText() {
        WindowLevel w = window.get();
        if (w == null) {
            return "";
        }
        return (voiLut.get() ? "VOI LUT" : Messages.format("status.window", w.center(), w.width()))
                + (invert.get() ? "  " + Messages.get("status.inverted") : "");
    }
}
