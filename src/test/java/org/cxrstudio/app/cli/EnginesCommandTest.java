package org.cxrstudio.app.cli;

import org.cxrstudio.core.inference.EngineCheck;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code engines} command used by the installer check to prove natives load offline. */
class EnginesCommandTest {

    @Test
    void inferenceEngineStartsAndComputes() {
        CommandLine cl = CxrCommand.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        int rc = cl.execute("engines", "--inference-only");
        assertThat(rc).isZero();
        EngineCheck.EngineStatus s = EngineCheck.check(EngineCheck.ONNX_RUNTIME);
        assertThat(s.ok()).as(s.detail()).isTrue();
        assertThat(s.detail()).contains("version 1.21");
    }

    @Test
    void unknownEngineIsAFailureWithAReasonNotAnException() {
        EngineCheck.EngineStatus s = EngineCheck.check("NoSuchEngine");
        assertThat(s.ok()).isFalse();
        assertThat(s.detail()).contains("NoSuchEngine");
    }
}
