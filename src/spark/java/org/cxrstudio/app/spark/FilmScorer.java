package org.cxrstudio.app.spark;

import org.cxrstudio.core.eval.SiteProfile;
import org.cxrstudio.core.gate.GateLoadException;
import org.cxrstudio.core.gate.InputGate;
import org.cxrstudio.core.imaging.Radiograph;
import org.cxrstudio.core.inference.DevicePreference;
import org.cxrstudio.core.inference.TbModel;
import org.cxrstudio.core.screening.Screening;
import org.cxrstudio.core.screening.ScreeningResult;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The input gate, the TB model and the core {@link Screening} step over them: one per executor
 * JVM, shared by the tasks running there at once (both the gate and the model take concurrent
 * calls), so Spark scores exactly as {@code predict} does. Closed once, at JVM exit.
 */
final class FilmScorer implements AutoCloseable {
    private final InputGate gate;
    private final TbModel model;
    private final Screening screening;

    private FilmScorer(InputGate gate, TbModel model, Screening screening) {
        this.gate = gate;
        this.model = model;
        this.screening = screening;
    }

    /**
     * @param gateModel      the executor's copy of the gate model, or {@code null} for none
     * @param rulesOnly      without a gate model: the header, size and colour rules (else no gate)
     * @param threshold      operating threshold (already the site profile's, when one was given), or
     *                       {@code null} for the card's
     * @param intraOpThreads ONNX Runtime threads per prediction and per gate check, {@code 0} for
     *                       the defaults
     */
    static FilmScorer open(Path onnx, Path gateModel, boolean rulesOnly, Double threshold, int intraOpThreads)
            throws IOException {
        InputGate g;
        try {
            g = gateModel != null ? InputGate.load(gateModel, intraOpThreads) : rulesOnly ? InputGate.headerRulesOnly() : InputGate.disabled();
        } catch (GateLoadException e) {
            throw new IOException(e.getMessage(), e);
        }
        try {
            TbModel m = TbModel.load(onnx, DevicePreference.AUTO, intraOpThreads);
            return new FilmScorer(g, m, new Screening(g, m, Screening.postProcessing(m, threshold, (SiteProfile) null)));
        } catch (IOException | RuntimeException e) {
            g.close();
            throw e;
        }
    }

    /** Gate, then the model; a failure is in the result, not thrown. */
    ScreeningResult score(String name, Radiograph radiograph) {
        return screening.screen(name, radiograph);
    }

    @Override
    public void close() {
        model.close();
        gate.close();
    }
}
