package org.cxrstudio.app.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Base of the subcommands: the command's picocli spec and its streams. Results go to {@link #out()},
 * progress, notes and errors to {@link #err()} (the streams {@code CommandLine} was given, so tests
 * capture them).
 */
abstract class CliCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Standard output of this command line. */
    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Standard error of this command line. */
    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** The command as typed, e.g. {@code cxr-studio eval --model m.onnx ...}, for model cards and reports. */
    String typedCommand() {
        return typedCommand(spec);
    }

    /** The same for a command's spec (a mixin's own spec is its command's). */
    static String typedCommand(CommandSpec spec) {
        List<String> args = new ArrayList<>(spec.commandLine().getParseResult().originalArgs());
        if (args.isEmpty() || !args.get(0).equals(spec.name())) {
            args.add(0, spec.name());   // run as the command itself, not through cxr-studio
        }
        return "cxr-studio " + String.join(" ", args);
    }
}
