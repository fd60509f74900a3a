package org.cxrstudio.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Refuses an output option that names one of the command's own input files: every writer
 * replaces its target atomically, so {@code eval --labels l.csv --scores l.csv} or
 * {@code predict --csv film.png film.png} would silently replace the user's labels or film with
 * our output. Checked before any work, so nothing has been written when it fails.
 */
final class OutputPaths {
    private OutputPaths() { }

    /**
     * @param option the output option, for the message, e.g. {@code "--scores"}
     * @param out    its value, or {@code null} when not given
     * @param inputs files the command reads ({@code null} entries ignored)
     * @throws IllegalArgumentException when {@code out} is one of {@code inputs}
     */
    static void requireNotAnInput(String option, Path out, Collection<Path> inputs) {
        if (out == null) {
            return;
        }
        Path o = canonical(out);
        for (Path in : inputs) {
            if (in != null && canonical(in).equals(o)) {
                throw new IllegalArgumentException(option + " " + out + " is also an input of this command (" + in
                        + "); writing it would replace that file: choose another file");
            }
        }
    }

    /** The file itself (links resolved) when it exists, else the absolute normalised path. */
    private static Path canonical(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException | SecurityException e) {
            return p.toAbsolutePath().normalize();
        }
    }
}
