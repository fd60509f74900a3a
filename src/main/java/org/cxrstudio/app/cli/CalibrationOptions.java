package org.cxrstudio.app.cli;

import org.cxrstudio.core.gate.InputGate;
import org.cxrstudio.core.inference.TbModel;
import org.cxrstudio.core.screening.Screening;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;

/**
 * The model, the labelled films and the input gate of the commands that calibrate a model on
 * labelled films ({@code calibrate-threshold}, {@code calibrate-score}; a picocli mixin). The split
 * options are each command's own {@link SplitPartOptions}: their default parts differ.
 */
final class CalibrationOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Mixin
    LabeledImageOptions labeled;

    @Mixin
    GateOptions gate;

    /**
     * Screens the labelled films (only the chosen part of the split list when given) with the
     * model's own post-processing; progress and refusals go to stderr.
     */
    LabeledScoring score(SplitPartOptions split) throws IOException {
        labeled.requirePairs(); // a usage error before the gate and the model load
        try (InputGate g = gate.open(); TbModel m = model.load()) {
            return LabeledScoring.run(new Screening(g, m, m.postProcessing()), labeled, split, spec.commandLine().getErr());
        }
    }

    /** The films calibrated on, as recorded with the result. */
    String data(SplitPartOptions split) {
        return labeled.images + " " + labeled.labels + (split.given() ? " split " + split.file + " part " + split.part : "");
    }
}
