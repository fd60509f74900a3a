package org.cxrstudio.app.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --runs N}: the timed runs behind each figure of a benchmark command ({@code bench},
 * {@code bench-decode}, {@code bench-viewer}; a picocli mixin). Each command creates it with its
 * own default, which the help shows, and reads it through {@link #count(int)}, which bounds it so
 * that a mistyped count is a usage error rather than an allocation the heap cannot hold.
 */
final class TimedRuns {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--runs", paramLabel = "N", description = "Timed runs per figure (default ${DEFAULT-VALUE}).")
    int runs;

    TimedRuns(int byDefault) {
        this.runs = byDefault;
    }

    /** The number of timed runs; outside {@code 1..max} a usage error. */
    int count(int max) {
        if (runs < 1 || runs > max) {
            throw new ParameterException(spec.commandLine(), "--runs must be 1.." + max + ", got " + runs);
        }
        return runs;
    }
}
