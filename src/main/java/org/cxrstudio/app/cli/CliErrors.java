package org.cxrstudio.app.cli;

import org.cxrstudio.core.io.IoErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.FileSystemException;

/**
 * Turns any exception from a command into one clear line on stderr and exit code 1 (2 for
 * usage errors, picocli's default), never a stack trace; the trace goes to the debug log.
 */
final class CliErrors implements CommandLine.IExecutionExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(CliErrors.class);

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        LOG.debug("command failed", ex);
        cl.getErr().println("error: " + describe(ex));
        return 1;
    }

    /**
     * Runs the command through {@code inner}, turning an {@link OutOfMemoryError} or
     * {@link StackOverflowError} (which picocli passes by, as they are not {@code Exception}s) into
     * the same one error line and exit code 1: the JVM is still usable after either unwinds.
     */
    static CommandLine.IExecutionStrategy catchingVmErrors(CommandLine.IExecutionStrategy inner) {
        return parsed -> {
            try {
                return inner.execute(parsed);
            } catch (OutOfMemoryError | StackOverflowError e) {
                LOG.debug("command failed", e);
                CommandLine cl = parsed.subcommands().isEmpty() ? parsed.commandSpec().commandLine()
                        : parsed.subcommands().get(parsed.subcommands().size() - 1).commandSpec().commandLine();
                cl.getErr().println("error: " + describe(e));
                cl.getErr().flush();
                return 1;
            }
        };
    }

    static String describe(Throwable ex) {
        String msg = ex.getMessage();
        if (ex instanceof IOException io && (io instanceof FileSystemException || io instanceof CharacterCodingException)) {
            return IoErrors.describe(io); // the JDK's message is the bare path, or "Input length = 1"
        }
        if (ex instanceof OutOfMemoryError) {
            return "out of memory: " + (msg == null ? "input too large" : msg);
        }
        if (ex instanceof StackOverflowError) {
            return "input nested too deeply (stack overflow)";
        }
        return msg == null || msg.isBlank() ? ex.getClass().getSimpleName() : msg;
    }
}
