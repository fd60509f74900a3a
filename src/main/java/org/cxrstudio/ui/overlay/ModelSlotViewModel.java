package org.cxrstudio.ui.overlay;

import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import org.cxrstudio.core.inference.ModelCard;
import org.cxrstudio.core.inference.Prediction;
import org.cxrstudio.ui.task.BackgroundExecutor;
import org.cxrstudio.ui.viewer.OpenedImage;
import org.cxrstudio.ui.Messages;
import org.cxrstudio.ui.viewer.UserError;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One model and its result on the current image: loads the model in the background, runs it
 * whenever the image changes (one prediction at a time; a newer image replaces a queued one and
 * stale results are dropped), and exposes the score against a live, user-adjustable operating
 * threshold. A failed load or prediction keeps what was shown and reports a {@link UserError}.
 *
 * <p>Properties only; call from the FX thread.
 */
public final class ModelSlotViewModel {
    /** Life cycle of the slot's model. */
    public enum State { EMPTY, LOADING, READY, FAILED }

    private final String role;
    private final TbPredictor.Loader loader;
    private final BackgroundExecutor executor;
    private final Consumer<UserError> errors;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.EMPTY);
    private final ReadOnlyObjectWrapper<ModelCard> card = new ReadOnlyObjectWrapper<>(this, "card");
    private final ReadOnlyStringWrapper device = new ReadOnlyStringWrapper(this, "device", "");
    private final ReadOnlyStringWrapper deviceReason = new ReadOnlyStringWrapper(this, "deviceReason", "");
    private final ReadOnlyObjectWrapper<Prediction> prediction = new ReadOnlyObjectWrapper<>(this, "prediction");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final DoubleProperty threshold = new SimpleDoubleProperty(this, "threshold", 0.5);
    private final ReadOnlyBooleanWrapper positive = new ReadOnlyBooleanWrapper(this, "positive");
    private TbPredictor model;
    private TbPredictor retired;
    private OpenedImage current;
    private OpenedImage queued;

    /**
     * @param role   label such as "Student" or "Teacher", used in messages
     * @param errors receives failures to show
     */
    public ModelSlotViewModel(String role, TbPredictor.Loader loader, BackgroundExecutor executor, Consumer<UserError> errors) {
        this.role = role;
        this.loader = Objects.requireNonNull(loader);
        this.executor = Objects.requireNonNull(executor);
        this.errors = Objects.requireNonNull(errors);
        positive.bind(Bindings.createBooleanBinding(() -> prediction.get() != null
                && prediction.get().tbProbability() >= threshold.get(), prediction, threshold));
    }

    public String role() {
        return role;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Card of the loaded model, or {@code null}. */
    public ReadOnlyObjectProperty<ModelCard> cardProperty() {
        return card.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty deviceProperty() {
        return device.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty deviceReasonProperty() {
        return deviceReason.getReadOnlyProperty();
    }

    /** Result for the current image, or {@code null} (none yet, or running). */
    public ReadOnlyObjectProperty<Prediction> predictionProperty() {
        return prediction.getReadOnlyProperty();
    }

    /** True while the model runs on an image. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Operating threshold on the TB probability, {@code 0..1}; set to the card's on load. */
    public DoubleProperty thresholdProperty() {
        return threshold;
    }

    /** Score at or above the threshold. */
    public ReadOnlyBooleanProperty positiveProperty() {
        return positive.getReadOnlyProperty();
    }

    /** Loads {@code onnx} in the background, replacing (and closing) the current model once loaded. */
    public void load(Path onnx) {
        state.set(State.LOADING);
        executor.submit("load model " + onnx.getFileName(), () -> loader.load(onnx), loaded -> {
            retire(model);
            model = loaded;
            device.set(loaded.device());
            deviceReason.set(loaded.deviceReason());
            card.set(loaded.card());
            threshold.set(loaded.card().threshold());
            state.set(State.READY);
            prediction.set(null);
            if (current != null) {
                run(current);
            }
        }, t -> {
            state.set(model == null ? State.FAILED : State.READY);
            errors.accept(new UserError(Messages.format("error.loadModel", role.toLowerCase(Messages.locale())),
                    UserError.reason(t)));
        });
    }

    /** The image changed: forget the old result and run the model (now or when it is free). */
    public void imageChanged(OpenedImage img) {
        current = img;
        prediction.set(null);
        if (model != null && img != null) {
            run(img);
        }
    }

    private void run(OpenedImage img) {
        if (running.get()) {
            queued = img;
            return;
        }
        running.set(true);
        TbPredictor m = model;
        executor.submit("predict " + img.path().getFileName(), () -> m.predict(img.image()), p -> {
            finished();
            if (img == current && m == model) {
                prediction.set(p);
            }
        }, t -> {
            finished();
            if (img == current) {
                errors.accept(new UserError(Messages.format("error.modelFailed", role), UserError.reason(t)));
            }
        });
    }

    /** Closes a replaced model now, or after the prediction still running on it. */
    private void retire(TbPredictor old) {
        if (old == null) {
            return;
        }
        if (running.get()) {
            if (retired != null) {
                retired.close();
            }
            retired = old;
        } else {
            old.close();
        }
    }

    private void finished() {
        running.set(false);
        if (retired != null) {
            retired.close();
            retired = null;
        }
        OpenedImage next = queued;
        queued = null;
        if (next != null && next == current && model != null) {
            run(next);
        }
    }

    /** "TB suspected 0.87 ≥ 0.50" style text, or what the slot is doing. */
    public String scoreText() {
        Prediction p = prediction.get();
        if (p == null) {
            return switch (state.get()) {
                case EMPTY -> Messages.get("slot.empty");
                case LOADING -> Messages.get("slot.loading");
                case FAILED -> Messages.get("slot.failed");
                case READY -> running.get() ? Messages.get("slot.running") : (current == null ? Messages.get("slot.noImage") : "—");
            };
        }
        boolean pos = positive.get();
        return Messages.format(pos ? "slot.positive" : "slot.negative", p.tbProbability(), threshold.get());
    }

    /** Name, version and device, for labels. */
    public String modelText() {
        ModelCard c = card.get();
        return c == null ? Messages.format("slot.noModel", role) : Messages.format("slot.model", role, c.name(), c.version(), device.get());
    }

    /** Closes the model (app shutdown). */
    public void close() {
        if (model != null) {
            model.close();
            model = null;
        }
    }
}
