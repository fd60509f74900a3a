package org.cxrstudio.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ViewerBenchCommandTest {
    @TempDir
    Path dir;

    private int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = CxrCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void reportsWindowLevelAndOpenTimes() throws Exception {
        Path sample = Path.of(System.getProperty("cxr.project.dir", "."), "sample-images", "chest-phantom.png");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = Files.exists(sample)
                ? new String[] {"bench-viewer", "--size", "64", "--repeat", "2", "--image", sample.toString()}
                : new String[] {"bench-viewer", "--size", "64", "--repeat", "2"};
        assertThat(run(out, err, args)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("window/level 64x64 16-bit: viewer LUT path median");
        if (Files.exists(sample)) {
            assertThat(out.toString()).contains("open chest-phantom.png");
        }
    }

    @Test
    void badInputGivesOneClearError() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(run(out, err, "bench-viewer", "--bits", "20")).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: need --bits 8..16");
        Path junk = Files.writeString(dir.resolve("junk.dcm"), "nope");
        err.getBuffer().setLength(0);
        assertThat(run(out, err, "bench-viewer", "--size", "32", "--repeat", "1", "--image", junk.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("junk.dcm");
    }
}
