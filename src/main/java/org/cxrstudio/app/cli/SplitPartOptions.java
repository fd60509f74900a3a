package org.cxrstudio.app.cli;

import org.cxrstudio.core.eval.SplitList;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code --split FILE --split-part train|val}: one part of a training run's split list, for
 * {@code eval} and the calibration commands (a picocli mixin). Each command creates it with its own default part, which
 * picocli shows as the default; wording that differs per command is in {@code OptionHelp.properties}.
 */
final class SplitPartOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--split", paramLabel = "FILE", description = "Only images of one part of this split list (the model's split.csv).")
    Path file;

    @Option(names = "--split-part", paramLabel = "train|val", description = "Which part of --split (default: ${DEFAULT-VALUE}).")
    String part;

    SplitPartOptions(String defaultPart) {
        this.part = defaultPart;
    }

    /**
     * The file names of the chosen part, or {@code null} (every image) without {@code --split}.
     * A part other than train or val is a usage error, also without {@code --split}.
     */
    Set<String> keep() throws IOException {
        if (!part.equals(SplitList.TRAIN) && !part.equals(SplitList.VAL)) {
            throw new ParameterException(spec.commandLine(), "--split-part must be train or val, got '" + part + "'");
        }
        return file == null ? null : SplitList.read(file, part);
    }

    boolean given() {
        return file != null;
    }

    /** {@code "train part of runs/x/split.csv"}, or {@code whenNone} without {@code --split}. */
    String describe(String whenNone) {
        return file == null ? whenNone : part + " part of " + file;
    }
}
