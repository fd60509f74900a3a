package org.cxrstudio.core.screening;

import org.cxrstudio.core.eval.SiteProfile;
import org.cxrstudio.core.gate.GateDecision;
import org.cxrstudio.core.gate.InputGate;
import org.cxrstudio.core.imaging.ImageReadException;
import org.cxrstudio.core.imaging.Radiograph;
import org.cxrstudio.core.imaging.RadiographReader;
import org.cxrstudio.core.inference.ModelFiles;
import org.cxrstudio.core.inference.PostProcessing;
import org.cxrstudio.core.inference.Prediction;
import org.cxrstudio.core.inference.TbModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The one "read → gate → score" step every scoring path uses ({@code predict}, {@code eval},
 * {@code calibrate-*}, the viewer, batch and archive jobs): a film the input gate refuses gets a
 * reason and no score; an accepted one gets a {@link Prediction} and its readable {@link TbScore}
 * (the card's calibration applied, against the effective threshold).
 *
 * <p>Does not own the gate or the model: the caller closes them. Thread-safe when the gate and the
 * model are (both are after loading), so one instance may serve several worker threads.
 *
 * <pre>{@code
 * try (InputGate gate = InputGate.loadDefault(); TbModel m = TbModel.load(onnx, DevicePreference.AUTO)) {
 *     Screening s = new Screening(gate, m, Screening.postProcessing(m, null, site));
 *     ScreeningResult r = s.screen(file);
 * }
 * }</pre>
 */
public final class Screening {
    private static final Logger LOG = LoggerFactory.getLogger(Screening.class);

    private final InputGate gate;
    private final TbModel model;
    private final PostProcessing post;
    private final double threshold;

    /** @param post how outputs become boxes and the threshold (see {@link #postProcessing}) */
    public Screening(InputGate gate, TbModel model, PostProcessing post) {
        this.gate = Objects.requireNonNull(gate, "gate");
        this.model = Objects.requireNonNull(model, "model");
        this.post = Objects.requireNonNull(post, "post");
        this.threshold = post.threshold() != null ? post.threshold() : model.card().threshold();
    }

    /**
     * The model's post-processing with the operating threshold: the site profile's when given
     * (after checking that it was made for this model file), else {@code threshold}, else the card's.
     *
     * @throws org.cxrstudio.core.eval.SiteProfileException when the profile belongs to another model file
     * @throws IllegalArgumentException when both a site profile and a threshold are given
     */
    public static PostProcessing postProcessing(TbModel model, Double threshold, SiteProfile site) throws IOException {
        if (site == null) {
            return model.postProcessing().withThreshold(threshold);
        }
        if (threshold != null) {
            throw new IllegalArgumentException("give either a site profile or a threshold, not both");
        }
        site.requireModel(ModelFiles.sha256(model.path()), model.path().toString());
        return model.postProcessing().withThreshold(site.threshold());
    }

    /** Reads the file and screens it; never throws for a bad file (the result carries the error). */
    public ScreeningResult screen(Path file) {
        Radiograph r;
        try {
            r = RadiographReader.read(file);
        } catch (ImageReadException | RuntimeException e) {
            return ScreeningResult.failed(file.toString(), null, null, message(e));
        }
        return screen(file.toString(), r);
    }

    /** Gate, then the model when the gate accepts. */
    public ScreeningResult screen(String source, Radiograph r) {
        GateDecision d;
        try {
            d = gate.check(r);
        } catch (RuntimeException e) {
            LOG.warn("{}: gate failed", source, e);
            return ScreeningResult.failed(source, r, null, "input gate failed: " + message(e));
        }
        if (!d.accepted()) {
            LOG.info("{}: refused by the input gate: {}", source, d.message());
            return new ScreeningResult(source, r, d, null, null, null);
        }
        return score(source, r, d);
    }

    /**
     * Scores an image the gate refused, on the user's explicit request ("Score anyway"); the result
     * keeps the refusing decision so output can say it was overridden.
     *
     * @param decision the gate's earlier decision on {@code r}, or {@code null} to ask the gate again
     */
    public ScreeningResult scoreAnyway(String source, Radiograph r, GateDecision decision) {
        GateDecision d = decision != null ? decision : gate.check(r);
        return score(source, r, d);
    }

    private ScreeningResult score(String source, Radiograph r, GateDecision d) {
        try {
            Prediction p = model.predict(r, post);
            return new ScreeningResult(source, r, d, p, score(p.tbProbability()), null);
        } catch (IOException | RuntimeException e) {
            return ScreeningResult.failed(source, r, d, message(e));
        }
    }

    /** The readable score of a raw probability at this screening's threshold. */
    public TbScore score(double rawProbability) {
        return TbScore.of(rawProbability, threshold, model.card().calibration());
    }

    /** Effective operating threshold on the raw probability. */
    public double threshold() {
        return threshold;
    }

    public TbModel model() {
        return model;
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
