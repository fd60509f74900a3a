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
import org.cxrstudio.core.eval.SiteProfile;
import org.cxrstudio.core.eval.SiteProfileException;
import org.cxrstudio.core.gate.GateDecision;
import org.cxrstudio.core.gate.RefusalReason;
import org.cxrstudio.core.inference.ModelCard;
import org.cxrstudio.core.inference.Prediction;
import org.cxrstudio.core.screening.ScreeningResult;
import org.cxrstudio.core.screening.TbScore;
import org.cxrstudio.ui.Messages;
import org.cxrstudio.ui.task.BackgroundExecutor;
import org.cxrstudio.ui.viewer.OpenedImage;
import org.cxrstudio.ui.viewer.UserError;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One model and its result on the current image: loads the model in the background, runs it
 * whenever the image changes (one prediction at a time; a newer image replaces a queued one and
 * stale results are dropped), and exposes the score against a live, user-adjustable operating
 * threshold. Every image goes through the input gate first ({@link TbPredictor#screen}): a refused
 * image gets {@link #refusalProperty()} (the banner) and no prediction, so no heatmap, boxes or
 * score, until the user asks for {@link #scoreAnyway()}. A site profile made for this model file
 * sets the threshold ({@link #siteProperty()}). Scores read as 0-100 against the threshold on the
 * same scale ({@link #score()}). A failed load or prediction keeps what was shown and reports a
 * {@link UserError}.
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
    private final ReadOnlyObjectWrapper<GateDecision> refusal = new ReadOnlyObjectWrapper<>(this, "refusal");
    private final ReadOnlyBooleanWrapper scoredAnyway = new ReadOnlyBooleanWrapper(this, "scoredAnyway");
    private final ReadOnlyObjectWrapper<SiteProfile> site = new ReadOnlyObjectWrapper<>(this, "site");
    private SiteProfile requestedSite;
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

    /** The gate's refusal of the current image (show the banner, no result), or {@code null}. */
    public ReadOnlyObjectProperty<GateDecision> refusalProperty() {
        return refusal.getReadOnlyProperty();
    }

    /** The current result was scored on request although the gate refused the image. */
    public ReadOnlyBooleanProperty scoredAnywayProperty() {
        return scoredAnyway.getReadOnlyProperty();
    }

    /** The site profile whose threshold is in use, or {@code null} (the card's threshold). */
    public ReadOnlyObjectProperty<SiteProfile> siteProperty() {
        return site.getReadOnlyProperty();
    }

    /**
     * Uses a clinic's threshold ({@code null}: back to the card's). A profile made for another model
     * file is refused with a {@link UserError} and the card's threshold stays; the request is
     * remembered and checked again whenever another model loads.
     */
    public void useSite(SiteProfile profile) {
        requestedSite = profile;
        applySite();
    }

    private void applySite() {
        if (model == null) {
            return;
        }
        if (requestedSite == null) {
            if (site.get() != null) {
                site.set(null);
                threshold.set(model.card().threshold());
            }
            return;
        }
        try {
            requestedSite.requireModel(model.sha256(), model.path().getFileName().toString());
            site.set(requestedSite);
            threshold.set(requestedSite.threshold());
        } catch (SiteProfileException e) {
            site.set(null);
            threshold.set(model.card().threshold());
            errors.accept(new UserError(Messages.get("site.mismatch.title"), e.getMessage()));
        }
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
            site.set(null);
            applySite();
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
        refusal.set(null);
        scoredAnyway.set(false);
        if (model != null && img != null) {
            run(img);
        }
    }

    /**
     * Scores the current image although the gate refused it (the banner's "Score anyway"); does
     * nothing when there is no refusal.
     */
    public void scoreAnyway() {
        GateDecision d = refusal.get();
        OpenedImage img = current;
        if (d == null || img == null || model == null || running.get()) {
            return;
        }
        running.set(true);
        TbPredictor m = model;
        executor.submit("score anyway " + img.path().getFileName(),
                () -> m.scoreAnyway(img.path().toString(), img.image(), d), r -> {
                    finished();
                    if (img == current && m == model) {
                        show(r);
                    }
                }, this::failed);
    }

    private void run(OpenedImage img) {
        if (running.get()) {
            queued = img;
            return;
        }
        running.set(true);
        TbPredictor m = model;
        executor.submit("screen " + img.path().getFileName(), () -> m.screen(img.path().toString(), img.image()), r -> {
            finished();
            if (img == current && m == model) {
                show(r);
            }
        }, t -> {
            finished();
            if (img == current) {
                errors.accept(new UserError(Messages.format("error.modelFailed", role), UserError.reason(t)));
            }
        });
    }

    private void failed(Throwable t) {
        finished();
        errors.accept(new UserError(role + " model failed", UserError.reason(t)));
    }

    private void show(ScreeningResult r) {
        if (r.isError()) {
            errors.accept(new UserError(role + " model failed", r.error()));
        } else if (r.refused()) {
            refusal.set(r.gate());
        } else {
            refusal.set(null);
            scoredAnyway.set(r.overridden());
            prediction.set(r.prediction());
        }
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

    /** The current result as a 0-100 score against the live threshold, or {@code null}. */
    public TbScore score() {
        Prediction p = prediction.get();
        ModelCard c = card.get();
        return p == null || c == null ? null : TbScore.of(p.tbProbability(), threshold.get(), c.calibration());
    }

    /** "Not a frontal chest X-ray: …" for the banner, or {@code null} when nothing was refused. */
    public String bannerText() {
        GateDecision d = refusal.get();
        if (d == null) {
            return null;
        }
        boolean unchecked = d.reason().filter(r -> r == RefusalReason.UNREADABLE_CONTENT).isPresent();
        return Messages.format(unchecked ? "gate.banner.unchecked" : "gate.banner", d.message(Messages.locale()));
    }

    /** "Site threshold: Clinic X (2026-12-02)" while a site profile is in use, else empty. */
    public String siteText() {
        SiteProfile p = site.get();
        return p == null ? "" : Messages.format("site.active", p.label());
    }

    /** The threshold on the 0-100 score scale, for the slider's label. */
    public int thresholdScore() {
        ModelCard c = card.get();
        return TbScore.of(threshold.get(), threshold.get(), c == null ? null : c.calibration()).thresholdScore();
    }

    /** "TB suspected · TB score 72, above this clinic's threshold 55" style text, or what the slot is doing. */
    public String scoreText() {
        TbScore s = score();
        if (s == null) {
            if (refusal.get() != null) {
                return Messages.get("score.notScored");
            }
            return switch (state.get()) {
                case EMPTY -> Messages.get("slot.empty");
                case LOADING -> Messages.get("slot.loading");
                case FAILED -> Messages.get("slot.failed");
                case READY -> running.get() ? Messages.get("slot.running") : (current == null ? Messages.get("slot.noImage") : "—");
            };
        }
        String key = (s.positive() ? "score.above" : "score.below") + (site.get() != null ? ".site" : "");
        return Messages.format(key, s.score(), s.thresholdScore());
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
