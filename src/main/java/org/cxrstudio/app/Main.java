package org.cxrstudio.app;

import org.cxrstudio.app.cli.CxrCommand;

/**
 * Entry point: {@code java -jar cxr-studio.jar [command] ...}. A known command runs on the
 * command line; no arguments (or a file path) will open the viewer.
 */
public final class Main {
    private Main() { }

    public static void main(String[] args) {
        System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
        System.exit(CxrCommand.commandLine().execute(args));
    }
}
