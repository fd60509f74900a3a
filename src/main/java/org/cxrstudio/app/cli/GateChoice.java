package org.cxrstudio.app.cli;

import org.cxrstudio.core.gate.GateLoadException;
import org.cxrstudio.core.gate.InputGate;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code --gate G} and {@code --gate-rules-only}: which input gate to open, the bundled one by
 * default (a picocli mixin of {@link GateOptions} and {@code gate-check}). A gate that cannot be
 * loaded is an error that says why nothing is scored without it.
 */
final class GateChoice {
    static final String GATE = InputGate.DEFAULT_MODEL;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--gate", paramLabel = "G", description = "Input gate model (default: " + GATE + " beside the app or in the working directory).")
    Path gate;

    @Option(names = "--gate-rules-only", description = "Apply only the gate's DICOM header, size and colour rules, without its content network.")
    boolean rulesOnly;

    boolean given() {
        return gate != null || rulesOnly;
    }

    /** The gate to use (which one is announced on stderr); the caller closes it. */
    InputGate open() throws IOException {
        if (gate != null && rulesOnly) {
            throw new ParameterException(spec.commandLine(), "give either --gate or --gate-rules-only, not both");
        }
        if (rulesOnly) {
            spec.commandLine().getErr().println("input gate: header, size and colour rules only (--gate-rules-only)");
            return InputGate.headerRulesOnly();
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
