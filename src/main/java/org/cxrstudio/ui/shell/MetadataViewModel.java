package org.cxrstudio.ui.shell;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cxrstudio.core.imaging.Radiograph;
import org.cxrstudio.ui.viewer.OpenedImage;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The metadata side panel's content: technical attributes of the open image, plus patient and
 * study identifiers only while {@link #showPatientProperty()} is on (off by default, so a
 * screen share or screenshot does not leak them).
 */
public final class MetadataViewModel {
    private final ObservableList<Map.Entry<String, String>> rows = FXCollections.observableArrayList();
    private final BooleanProperty showPatient = new SimpleBooleanProperty(this, "showPatient", false);
    private final ReadOnlyObjectProperty<OpenedImage> image;

    public MetadataViewModel(ReadOnlyObjectProperty<OpenedImage> image) {
        this.image = image;
        image.addListener((o, a, b) -> refresh());
        showPatient.addListener((o, a, b) -> refresh());
        refresh();
    }

    public ObservableList<Map.Entry<String, String>> rows() {
        return rows;
    }

    public BooleanProperty showPatientProperty() {
        return showPatient;
    }

    private void refresh() {
        OpenedImage img = image.get();
        if (img == null) {
            rows.clear();
            return;
        }
        Radiograph r = img.image();
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("File", img.path().getFileName().toString());
        m.put("Format", r.format());
        m.put("Size", r.columns() + " × " + r.rows() + " px");
        m.put("Bits stored / allocated", r.bitsStored() + " / " + r.bitsAllocated() + (r.signed() ? " signed" : ""));
        m.put("Photometric", r.photometric().name());
        m.put("Stored range", img.range().min() + " … " + img.range().max());
        if (r.rescaleSlope() != 1 || r.rescaleIntercept() != 0) {
            m.put("Rescale", String.format(Locale.ROOT, "slope %.4g, intercept %.4g", r.rescaleSlope(), r.rescaleIntercept()));
        }
        r.pixelSpacingMm().ifPresent(s -> m.put("Pixel spacing", String.format(Locale.ROOT, "%.3f × %.3f mm", s[0], s[1 % s.length])));
        if (!r.viewPosition().isEmpty()) {
            m.put("View position", r.viewPosition());
        }
        if (!r.windows().isEmpty()) {
            m.put("File windows", r.windows().stream()
                    .map(w -> String.format(Locale.ROOT, "C %.0f W %.0f", w.center(), w.width())).toList().toString());
        }
        m.putAll(new TreeMap<>(r.metadata()));
        if (showPatient.get()) {
            new TreeMap<>(r.patient()).forEach((k, v) -> m.put(k, v));
        } else if (!r.patient().isEmpty()) {
            m.put("Patient identifiers", "hidden (" + r.patient().size() + ")");
        }
        rows.setAll(m.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList());
    }
}
