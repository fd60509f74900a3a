package org.cxrstudio.ui.shell;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cxrstudio.core.imaging.Radiograph;
import org.cxrstudio.ui.Messages;
import org.cxrstudio.ui.viewer.OpenedImage;

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
        m.put(Messages.get("meta.file"), img.path().getFileName().toString());
        m.put(Messages.get("meta.format"), r.format());
        m.put(Messages.get("meta.size"), Messages.format("meta.size.value", r.columns(), r.rows()));
        m.put(Messages.get("meta.bits"), r.bitsStored() + " / " + r.bitsAllocated() + (r.signed() ? " " + Messages.get("meta.signed") : ""));
        m.put(Messages.get("meta.photometric"), r.photometric().name());
        m.put(Messages.get("meta.range"), img.range().min() + " … " + img.range().max());
        if (r.rescaleSlope() != 1 || r.rescaleIntercept() != 0) {
            m.put(Messages.get("meta.rescale"), Messages.format("meta.rescale.value", r.rescaleSlope(), r.rescaleIntercept()));
        }
        r.pixelSpacingMm().ifPresent(s -> m.put(Messages.get("meta.spacing"), Messages.format("meta.spacing.value", s[0], s[1 % s.length])));
        if (!r.viewPosition().isEmpty()) {
            m.put(Messages.get("meta.viewPosition"), r.viewPosition());
        }
        if (!r.windows().isEmpty()) {
            m.put(Messages.get("meta.windows"), r.windows().stream()
                    .map(w -> Messages.format("window.cw", w.center(), w.width())).toList().toString());
        }
        m.putAll(new TreeMap<>(r.metadata()));
        if (showPatient.get()) {
            new TreeMap<>(r.patient()).forEach((k, v) -> m.put(k, v));
        } else if (!r.patient().isEmpty()) {
            m.put(Messages.get("meta.patient"), Messages.format("meta.patient.hidden", r.patient().size()));
        }
        rows.setAll(m.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList());
    }
}
