package org.cxrstudio.app.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
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
}
