package org.cxrstudio.app.cli;

import org.cxrstudio.core.eval.SiteProfile;
import org.cxrstudio.core.gate.InputGate;
import org.cxrstudio.core.inference.PostProcessing;
import org.cxrstudio.core.inference.TbModel;
import org.cxrstudio.core.screening.Screening;
import picocli.CommandLine.Mixin;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Everything a command needs to screen films as {@code predict} does (a picocli mixin): the model
 * and device, the operating threshold or site profile, the box options and the input gate, and
 * {@link #open()} which puts them together once.
 */
final class ScreeningOptions {
    @Mixin
    ModelOptions model;

    @Mixin
    OperatingPointOptions operatingPoint;

    @Mixin
    BoxOptions boxes;

    @Mixin
    GateOptions gate;

    /** The site profile of {@code --site}, or {@code null}. */
    SiteProfile profile() throws IOException {
        return operatingPoint.profile();
    }

    /**
     * Opens the input gate (announcing it on stderr) and the model, and sets the threshold and the
     * box parameters; the caller closes the session. Nothing stays open when this throws.
     */
    Session open() throws IOException {
        operatingPoint.requireAtMostOne();
        InputGate g = gate.open();
        TbModel m = null;
        try {
            m = model.load();
            PostProcessing post = Screening.postProcessing(m, operatingPoint.threshold, profile());
            post = post.withBoxes(boxes.apply(post.boxes()));
            return new Session(g, m, post, new Screening(g, m, post), boxes.describe(post.boxes(), m.card()));
        } catch (IOException | RuntimeException e) {
            if (m != null) {
                m.close();
            }
            g.close();
            throw e;
        }
    }

    /**
     * An open gate and model with the screening built on them.
     *
     * @param boxesLine the stderr line naming the box parameters in use and where they came from
     */
    record Session(InputGate gate, TbModel model, PostProcessing post, Screening screening, String boxesLine)
            implements AutoCloseable {
        @Override
        public void close() {
            try (gate) {
                model.close();
            }
        }
    }
}
