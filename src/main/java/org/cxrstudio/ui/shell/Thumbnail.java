package org.cxrstudio.ui.shell;

import org.cxrstudio.ui.viewer.DisplayLut;
import org.cxrstudio.ui.viewer.OpenedImage;

/**
 * A small preview of an image for the folder strip, rendered with the image's default display
 * (window or VOI LUT) and shrunk by area averaging. Pure.
 *
 * @param width  pixels
 * @param height pixels
 * @param argb   opaque gray ARGB pixels, row-major
 */
public record Thumbnail(int width, int height, int[] argb) {

    /** Renders {@code img} to fit in {@code maxSide}×{@code maxSide}. */
    public static Thumbnail of(OpenedImage img, int maxSide) {
        DisplayLut lut = DisplayLut.build(img.image(), img.range(), img.defaultWindow(), false, img.defaultsToVoiLut());
        int w = img.width();
        int h = img.height();
        double s = Math.min(1.0, (double) maxSide / Math.max(w, h));
        int tw = Math.max(1, (int) Math.round(w * s));
        int th = Math.max(1, (int) Math.round(h * s));
        int[] px = img.image().pixels();
        int[] out = new int[tw * th];
        for (int ty = 0; ty < th; ty++) {
            int y0 = ty * h / th;
            int y1 = Math.max(y0 + 1, (ty + 1) * h / th);
            for (int tx = 0; tx < tw; tx++) {
                int x0 = tx * w / tw;
                int x1 = Math.max(x0 + 1, (tx + 1) * w / tw);
                long sum = 0;
                int n = 0;
                // sample at most 4x4 points per cell: enough for a preview, fast for 2k images
                int sy = Math.max(1, (y1 - y0) / 4);
                int sx = Math.max(1, (x1 - x0) / 4);
                for (int y = y0; y < y1; y += sy) {
                    for (int x = x0; x < x1; x += sx) {
                        sum += lut.gray(px[y * w + x]);
                        n++;
                    }
                }
                int g = (int) (sum / n);
                out[ty * tw + tx] = 0xFF000000 | (g << 16) | (g << 8) | g;
            }
        }
        return new Thumbnail(tw, th, out);
    }
}
