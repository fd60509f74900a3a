package org.cxrstudio.ui.compare;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.cxrstudio.core.inference.Prediction;
import org.cxrstudio.core.saliency.Box;
import org.cxrstudio.ui.overlay.ModelSlotViewModel;

import java.util.List;

/**
 * Compare mode: model A (left, usually the teacher) and model B (right, usually the student) on
 * the same image. Zoom, pan and window/level are shared because both panes use the same image
 * and viewport models; this class adds the agreement figures, recomputed whenever either
 * result or threshold changes.
 */
public final class CompareViewModel {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CompareViewModel.class);
    private final ModelSlotViewModel a;
    private final ModelSlotViewModel b;
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", false);
    private final ReadOnlyObjectWrapper<Agreement> agreement = new ReadOnlyObjectWrapper<>(this, "agreement");

    public CompareViewModel(ModelSlotViewModel a, ModelSlotViewModel b) {
        this.a = a;
        this.b = b;
        for (ModelSlotViewModel s : List.of(a, b)) {
            s.predictionProperty().addListener((o, x, y) -> update());
            s.thresholdProperty().addListener((o, x, y) -> update());
        }
    }

    public ModelSlotViewModel left() {
        return a;
    }

    public ModelSlotViewModel right() {
        return b;
    }

    /** Compare mode on: the view shows both panes and model A runs on each image. */
    public BooleanProperty activeProperty() {
        return active;
    }

    /** Figures for the current image, or {@code null} until both models have a result. */
    public ReadOnlyObjectProperty<Agreement> agreementProperty() {
        return agreement.getReadOnlyProperty();
    }

    private void update() {
        Prediction pa = a.predictionProperty().get();
        Prediction pb = b.predictionProperty().get();
        if (pa == null || pb == null || pa.heatmap() == null || pb.heatmap() == null) {
            agreement.set(null);
            return;
        }
        Agreement raw = Agreements.of(pa, a.thresholdProperty().get(), shown(pa, a),
                pb, b.thresholdProperty().get(), shown(pb, b));
        agreement.set(new Agreement(a.score().probability(), b.score().probability(), raw.positiveA(), raw.positiveB(),
                raw.boxIou(), raw.heatmapCorrelation()));
        LOG.info("agreement: {}", agreement.get().summary());
    }

    private static List<Box> shown(Prediction p, ModelSlotViewModel s) {
        return p.tbProbability() >= s.thresholdProperty().get() ? p.boxes() : List.of();
    }
}
