package org.cxrstudio.ui.overlay;

import org.cxrstudio.core.saliency.Heatmap;

/**
 * Colours a heatmap into an ARGB raster covering the whole image, sampled with
 * {@link Heatmap#atImage} (bilinear, the heatmap's own cell geometry) at up to
 * {@value #MAX_SIDE} pixels on the long side; the view scales it to image size. Pure.
 */
public final class HeatmapRaster {
    /** Long side of the coloured raster, pixels. */
    public static final int MAX_SIDE = 256;

    private HeatmapRaster() { }

    /**
     * @return {@code [width, height]} of the raster for this heatmap
     */
    public static int[] size(Heatmap h) {
        double s = Math.min(1.0, (double) MAX_SIDE / Math.max(h.imageWidth(), h.imageHeight()));
        return new int[] {Math.max(1, (int) Math.round(h.imageWidth() * s)), Math.max(1, (int) Math.round(h.imageHeight() * s))};
    }

    /** Non-premultiplied ARGB pixels, row-major, of size {@link #size}. */
    public static int[] colour(Heatmap h, Colormap map) {
        int[] wh = size(h);
        int w = wh[0];
        int hh = wh[1];
        double sx = (double) h.imageWidth() / w;
        double sy = (double) h.imageHeight() / hh;
        int[] out = new int[w * hh];
        for (int y = 0; y < hh; y++) {
            double iy = (y + 0.5) * sy - 0.5;
            for (int x = 0; x < w; x++) {
                out[y * w + x] = map.argb(h.atImage((x + 0.5) * sx - 0.5, iy));
            }
        }
        return out;
    }
}
