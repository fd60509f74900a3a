package org.cxrstudio.ui.viewer;

import org.cxrstudio.core.imaging.Radiograph;
import org.cxrstudio.core.imaging.WindowLevel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * How the viewer turns a file into an {@link OpenedImage}: the composition root passes the core
 * reader and display pipeline; tests pass synthetic images. Called on a worker thread.
 */
@FunctionalInterface
public interface ImageLoader {

    /** @throws IOException with a message naming the file and the problem */
    OpenedImage open(Path path) throws IOException;

    /** Combines a reader and a default-window rule, timing read, decode and display preparation. */
    static ImageLoader of(Reader reader, Function<Radiograph, WindowLevel> defaultWindow) {
        return path -> {
            long t0 = System.nanoTime();
            Radiograph r = reader.read(path);
            PixelRange range = PixelRange.of(r);
            WindowLevel w = defaultWindow.apply(r);
            double ms = (System.nanoTime() - t0) / 1e6;
            return new OpenedImage(path, r, range, w == null ? range.fullWindow(r) : w, ms);
        };
    }

    /** A file reader, e.g. {@code RadiographReader::read}. */
    @FunctionalInterface
    interface Reader {
        Radiograph read(Path path) throws IOException;
    }
}
