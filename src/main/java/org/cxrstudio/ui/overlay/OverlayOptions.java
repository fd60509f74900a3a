package org.cxrstudio.ui.overlay;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * How AI overlays are drawn: heatmap on/off, its opacity and colour table, boxes on/off. One
 * instance is shared by every pane, so compare mode draws both models the same way. The
 * components are the properties themselves, so the accessors keep the JavaFX names.
 *
 * @param heatmapVisibleProperty heatmap drawn (default on)
 * @param heatmapOpacityProperty overall heatmap opacity, {@code 0..1} (default 0.5)
 * @param colormapProperty       colour table of the heatmap (default {@link Colormap#JET})
 * @param boxesVisibleProperty   boxes drawn (default on)
 */
public record OverlayOptions(BooleanProperty heatmapVisibleProperty, DoubleProperty heatmapOpacityProperty,
                             ObjectProperty<Colormap> colormapProperty, BooleanProperty boxesVisibleProperty) {

    /** The defaults: heatmap and boxes on, opacity 0.5, {@link Colormap#JET}. */
    public OverlayOptions() {
        this(new SimpleBooleanProperty(null, "heatmapVisible", true),
                new SimpleDoubleProperty(null, "heatmapOpacity", 0.5),
                new SimpleObjectProperty<>(null, "colormap", Colormap.JET),
                new SimpleBooleanProperty(null, "boxesVisible", true));
    }
}
