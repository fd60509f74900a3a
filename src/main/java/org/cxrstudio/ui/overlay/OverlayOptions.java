package org.cxrstudio.ui.overlay;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * How AI overlays are drawn: heatmap on/off, its opacity and colour table, boxes on/off. One
 * instance is shared by every pane, so compare mode draws both models the same way.
 */
public final class OverlayOptions {
    private final BooleanProperty heatmapVisible = new SimpleBooleanProperty(this, "heatmapVisible", true);
    private final DoubleProperty heatmapOpacity = new SimpleDoubleProperty(this, "heatmapOpacity", 0.5);
    private final ObjectProperty<Colormap> colormap = new SimpleObjectProperty<>(this, "colormap", Colormap.JET);
    private final BooleanProperty boxesVisible = new SimpleBooleanProperty(this, "boxesVisible", true);

    public BooleanProperty heatmapVisibleProperty() {
        return heatmapVisible;
    }

    /** Overall heatmap opacity, {@code 0..1}. */
    public DoubleProperty heatmapOpacityProperty() {
        return heatmapOpacity;
    }

    public ObjectProperty<Colormap> colormapProperty() {
        return colormap;
    }

    public BooleanProperty boxesVisibleProperty() {
        return boxesVisible;
    }
}
