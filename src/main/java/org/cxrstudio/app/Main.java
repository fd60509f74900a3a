package org.cxrstudio.app;

import org.cxrstudio.app.cli.CxrCommand;
import org.cxrstudio.app.gui.GuiLauncher;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Entry point: {@code java -jar cxr-studio.jar [command] ...}. A known command or an option runs
 * on the command line; no arguments, or a file path, opens the viewer (on that file).
 */
public final class Main {
    /** The viewer's option naming a site profile, as {@code --site=SITE.json}. */
    static final String VIEWER_SITE_OPTION = "--site=";

    private Main() { }

    public static void main(String[] args) {
        System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
        CommandLine cl = CxrCommand.commandLine();
        if (opensViewer(cl, args)) {
            System.exit(GuiLauncher.launch(args));
        }
        System.exit(cl.execute(args));
    }

    /**
     * True for no arguments, or a single first argument that is neither an option nor a
     * subcommand and looks like a file (exists, or has a dot or a path separator), so a
     * mistyped command still gets the command line's error instead of a window. Viewer options
     * ({@value #VIEWER_SITE_OPTION}SITE.json, the site profile to use) may come first.
     */
    static boolean opensViewer(CommandLine cl, String[] args) {
        int i = 0;
        while (i < args.length && args[i].startsWith(VIEWER_SITE_OPTION) && args[i].length() > VIEWER_SITE_OPTION.length()) {
            i++;
        }
        if (i == args.length) {
            return true;
        }
        String first = args[i];
        if (first.startsWith("-") || cl.getSubcommands().containsKey(first)) {
            return false;
        }
        try {
            return Files.exists(Path.of(first)) || first.contains(".") || first.contains("/") || first.contains("\\");
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
