package org.cxrstudio.app.cli;

import org.cxrstudio.core.gate.GateLoadException;
import org.cxrstudio.core.gate.InputGate;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Input gate options shared by every scoring command: the gate is on by default and refuses films
 * that are not frontal chest X-rays; {@code --no-gate} is for research and is announced on stderr.
 */
final class GateOptions {
    static final String GATE = InputGate.DEFAULT_MODEL;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--gate", paramLabel = "G", description = "Input gate model (default: " + GATE + " beside the app or in the working directory).")
    Path gate;

    @Option(names = "--gate-rules-only", description = "Apply only the gate's DICOM header, size and colour rules, without its content network.")
    boolean rulesOnly;

    @Option(names = "--no-gate", description = "Research use: score every readable file, also ones that are not frontal chest X-rays.")
    boolean noGate;

    /** The gate to use; the caller closes it. */
    InputGate open() throws IOException {
        if ((noGate ? 1 : 0) + (rulesOnly ? 1 : 0) + (gate != null ? 1 : 0) > 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "give at most one of --gate, --gate-rules-only and --no-gate");
        }
        if (rulesOnly) {
            spec.commandLine().getErr().println("input gate: header, size and colour rules only (--gate-rules-only)");
            return InputGate.headerRulesOnly();
        }
        if (noGate) {
            spec.commandLine().getErr().println("input gate OFF (--no-gate): files that are not frontal chest X-rays "
                    + "are not refused (research use only)");
            return InputGate.disabled();
        }
        InputGate g;
        try {
            g = gate != null ? InputGate.load(gate) : InputGate.loadDefault();
        } catch (GateLoadException e) {
            throw new IOException(e.getMessage() + ". The input gate keeps files that are not frontal chest "
                    + "X-rays from being scored, so nothing is scored without it; give --gate FILE, or --no-gate for research use", e);
        }
        spec.commandLine().getErr().println("input gate " + g.card().version() + (gate != null ? " (" + gate + ")" : ""));
        return g;
    }
}
