package org.cxrstudio.ui.viewer;

import org.cxrstudio.core.imaging.Radiograph;
import org.cxrstudio.core.imaging.WindowLevel;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A radiograph as opened in the viewer, with what was computed once off the UI thread.
 *
 * @param path          file it came from (may be a synthetic name in tests)
 * @param image         decoded pixels and metadata
 * @param range         stored-value range, for the display LUT
 * @param defaultWindow window the display pipeline chooses, modality units
 * @param decodeMillis  wall time of reading and decoding the file and preparing it for display
 *                      (value range, default window)
 */
public record OpenedImage(Path path, Radiograph image, PixelRange range, WindowLevel defaultWindow,
                          double decodeMillis) {
    public OpenedImage {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(defaultWindow, "defaultWindow");
    }

    public int width() {
        return image.columns();
    }

    public int height() {
        return image.rows();
    }
}
