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

    static String describe(Throwable ex) {
        String msg = ex.getMessage();
        if (ex instanceof IOException io && (io instanceof FileSystemException || io instanceof CharacterCodingException)) {
            return IoErrors.describe(io); // the JDK's message is the bare path, or "Input length = 1"
        }
        if (ex instanceof OutOfMemoryError) {
            return "out of memory: " + (msg == null ? "input too large" : msg);
        }
        return msg == null || msg.isBlank() ? ex.getClass().getSimpleName() : msg;
    }
}
