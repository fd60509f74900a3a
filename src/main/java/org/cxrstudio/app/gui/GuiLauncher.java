package org.cxrstudio.app.gui;

import javafx.application.Application;

/**
 * Starts the JavaFX viewer from the plain {@code main} of the jar. Kept apart from
 * {@link CxrStudioApp} so the launcher class itself does not extend {@code Application}
 * (the JDK launcher refuses such main classes when JavaFX is on the class path, not the
 * module path).
 */
public final class GuiLauncher {
    private GuiLauncher() { }

    /**
     * Blocks until the window closes.
     *
     * @param args the first unnamed argument, if any, is a file to open
     * @return process exit code: 0, or 1 when no display is available
     */
    public static int launch(String[] args) {
        try {
            Application.launch(CxrStudioApp.class, args);
            return 0;
        } catch (RuntimeException e) {
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            System.err.println("error: cannot start the viewer: " + msg
                    + " (is a display available? the command-line tools work without one: cxr-studio --help)");
            return 1;
        }
    }
}
