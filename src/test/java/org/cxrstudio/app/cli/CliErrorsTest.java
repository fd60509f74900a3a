package org.cxrstudio.app.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileAlreadyExistsException;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/** What a command that fails prints: one line, exit 1, for exceptions and for the JVM's own errors. */
class CliErrorsTest {
    @CommandLine.Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        final Throwable failure;

        Boom(Throwable failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() throws Exception {
            if (failure instanceof Exception e) {
                throw e;
            }
            throw (Error) failure;
        }
    }

    /** The command line as {@link CxrCommand#commandLine()} sets it up, around one failing command. */
    static String[] run(Throwable failure) {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new Boom(failure));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler(new CliErrors());
        cl.setExecutionStrategy(CliErrors.catchingVmErrors(new CommandLine.RunLast()));
        return new String[] {String.valueOf(cl.execute()), err.toString()};
    }

    @Test
    void outOfMemoryAndStackOverflowAreOneLineNotATrace() {
        assertThat(run(new OutOfMemoryError("Java heap space")))
                .containsExactly("1", "error: out of memory: Java heap space" + System.lineSeparator());
        assertThat(run(new StackOverflowError()))
                .containsExactly("1", "error: input nested too deeply (stack overflow)" + System.lineSeparator());
    }

    @Test
    void aFileExceptionNamesTheProblemNotJustThePath() {
        assertThat(run(new FileAlreadyExistsException("out"))[1])
                .isEqualTo("error: out: already exists (a file where a folder was expected?)" + System.lineSeparator());
    }
}
