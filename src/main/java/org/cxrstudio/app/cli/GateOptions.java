package org.cxrstudio.app.cli;

import org.cxrstudio.core.gate.InputGate;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;

/**
 * Input gate options shared by every scoring command: the gate ({@link GateChoice}) is on by
 * default and refuses films that are not frontal chest X-rays; {@code --no-gate} is for research
 * and is announced on stderr.
 */
final class GateOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Mixin
    GateChoice choice;

    @Option(names = "--no-gate", description = "Research use: score every readable file, also ones that are not frontal chest X-rays.")
    boolean noGate;

    /** The gate to use; the caller closes it. */
    InputGate open() throws IOException {
        if (noGate && choice.given()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "give at most one of --gate, --gate-rules-only and --no-gate");
        }
        if (noGate) {
            spec.commandLine().getErr().println("input gate OFF (--no-gate): files that are not frontal chest X-rays "
                    + "are not refused (research use only)");
            return InputGate.disabled();
        }
        return choice.open();
    }
}
