package org.cxrstudio.docs;

import org.cxrstudio.app.cli.CxrCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's command table names exactly the commands the jar has (sub-commands as "pacs search"). */
class ReadmeCommandsTest {
    private static final Pattern ROW = Pattern.compile("^\\| (`[^|]+`) \\|", Pattern.MULTILINE);
    private static final Pattern CODE = Pattern.compile("`([a-z][a-z -]*)`");

    @Test
    void commandTableMatchesTheCommandLine() throws IOException {
        String section = Files.readString(Path.of("README.md")).split("## Commands", 2)[1].split("\n## ", 2)[0];
        Set<String> documented = new TreeSet<>();
        Matcher row = ROW.matcher(section);
        while (row.find()) {
            Matcher c = CODE.matcher(row.group(1));
            while (c.find()) {
                documented.add(c.group(1));
            }
        }
        Set<String> actual = new TreeSet<>();
        CxrCommand.commandLine().getSubcommands().forEach((name, sub) -> {
            if (sub.getSubcommands().isEmpty()) {
                actual.add(name);
            } else {
                sub.getSubcommands().keySet().forEach(s -> actual.add(name + " " + s));
            }
        });
        assertThat(documented).as("README ## Commands rows").isEqualTo(actual);
    }
}
