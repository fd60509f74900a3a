package org.cxrstudio.app;

import org.cxrstudio.app.cli.CxrCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {
    private final CommandLine cl = CxrCommand.commandLine();

    @Test
    void noArgumentsOrAFileOpenTheViewer() {
        assertThat(Main.opensViewer(cl, new String[0])).isTrue();
        assertThat(Main.opensViewer(cl, new String[] {"chest.dcm"})).isTrue();
        assertThat(Main.opensViewer(cl, new String[] {"/data/xray"})).isTrue();
        assertThat(Main.opensViewer(cl, new String[] {"--site=clinic.json", "chest.dcm"})).isTrue();
        assertThat(Main.opensViewer(cl, new String[] {"--site=clinic.json"})).isTrue();
    }

    @Test
    void optionsAndCommandsStayOnTheCommandLine() {
        assertThat(Main.opensViewer(cl, new String[] {"--help"})).isFalse();
        assertThat(Main.opensViewer(cl, new String[] {"-V"})).isFalse();
        assertThat(Main.opensViewer(cl, new String[] {"--site="})).isFalse();
        assertThat(Main.opensViewer(cl, new String[] {"--site=clinic.json", "predict"})).isFalse();
        assertThat(Main.opensViewer(cl, new String[] {"evalute"})).isFalse(); // typo: picocli reports it
        cl.getSubcommands().keySet().forEach(name ->
                assertThat(Main.opensViewer(cl, new String[] {name})).as(name).isFalse());
    }
}
