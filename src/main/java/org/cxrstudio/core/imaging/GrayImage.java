package org.cxrstudio.core.imaging;

import java.util.Objects;

/**
 * An 8-bit grayscale image as shown on screen (0 = black, 255 = white): the output of the
 * display pipeline and the input of model preprocessing, so viewer and models see the
 * same pixels.
 *
 * @param width  pixels
 * @param height pixels
 * @param gray   row-major unsigned bytes, length {@code width*height}
 */
public record GrayImage(int width, int height, byte[] gray) {
    public GrayImage {
        Objects.requireNonNull(gray, "gray");
        if (width < 1 || height < 1 || (long) width * height != gray.length) {
            throw new IllegalArgumentException("gray array of " + gray.length + " does not match " + width + "x" + height);
        }
    }

    /** Value at column {@code x}, row {@code y}, {@code 0..255}. */
    public int at(int x, int y) {
        return gray[y * width + x] & 0xFF;
    }
}
