package org.cxrstudio.app;

/** Entry point: {@code java -jar cxr-studio.jar [command] ...}. */
public final class Main {
    private Main() { }

    public static void main(String[] args) {
        System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
        // wired by the CLI (app.cli) and the GUI launcher
    }
}
