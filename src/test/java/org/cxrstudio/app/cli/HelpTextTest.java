package org.cxrstudio.app.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every command's --help renders cleanly: picocli treats descriptions as format strings. */
class HelpTextTest {

    @Test
    void everyHelpTextFormatsWithoutPicocliWarnings() {
        PrintStream saved = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        StringBuilder usage = new StringBuilder();
        try {
            System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
            CommandLine root = CxrCommand.commandLine();
            usage.append(root.getUsageMessage());
            for (Map.Entry<String, CommandLine> sub : root.getSubcommands().entrySet()) {
                usage.append(sub.getValue().getUsageMessage());
            }
        } finally {
            System.setErr(saved);
        }
        assertThat(warnings.toString(StandardCharsets.UTF_8)).doesNotContain("Could not format");
        assertThat(usage.toString()).contains("95% interval").doesNotContain("%n").doesNotContain("%%");
    }
}
