package org.cxrstudio.core.pacs;

import java.awt.image.BufferedImage;
import java.util.Objects;

/**
 * An 8-bit RGB picture, interleaved {@code R,G,B} per pixel, row-major.
 *
 * @param width  pixels, {@code >= 1}
 * @param height pixels, {@code >= 1}
 * @param rgb    length {@code 3*width*height}
 */
public record RgbImage(int width, int height, byte[] rgb) {
    public RgbImage {
        Objects.requireNonNull(rgb, "rgb");
        if (width < 1 || height < 1 || rgb.length != 3L * width * height) {
            throw new IllegalArgumentException("RGB buffer of " + rgb.length + " bytes for " + width + "x" + height);
        }
    }

    /** Packed {@code 0xRRGGBB} at {@code (x, y)}. */
    public int at(int x, int y) {
        int p = 3 * (y * width + x);
        return ((rgb[p] & 0xFF) << 16) | ((rgb[p + 1] & 0xFF) << 8) | (rgb[p + 2] & 0xFF);
    }

    /** As an AWT image ({@code TYPE_INT_RGB}), for writing PNG or JPEG. */
    public BufferedImage toBufferedImage() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                row[x] = at(x, y);
            }
            img.setRGB(0, y, width, 1, row, 0, width);
        }
        return img;
    }
}
