package org.cxrstudio.ui.viewer;

import org.cxrstudio.core.imaging.Radiograph;
import org.cxrstudio.core.imaging.WindowLevel;

/**
 * Smallest and largest stored pixel value of a radiograph, computed once per image so the
 * display LUT only spans values that occur.
 *
 * @param min smallest stored value
 * @param max largest stored value, {@code >= min}
 */
public record PixelRange(int min, int max) {

    public PixelRange {
        if (max < min) {
            throw new IllegalArgumentException("max " + max + " < min " + min);
        }
    }

    /** Scans all pixels once ({@code O(n)}, about 3 ms for 4 Mpixel). */
    public static PixelRange of(Radiograph image) {
        int lo = Integer.MAX_VALUE;
        int hi = Integer.MIN_VALUE;
        for (int v : image.pixels()) {
            if (v < lo) {
                lo = v;
            }
            if (v > hi) {
                hi = v;
            }
        }
        return new PixelRange(lo, hi);
    }

    /**
     * The full-range window in modality units: what "min/max" presets and the fallback default
     * window use.
     */
    public WindowLevel fullWindow(Radiograph image) {
        double a = min * image.rescaleSlope() + image.rescaleIntercept();
        double b = max * image.rescaleSlope() + image.rescaleIntercept();
        double lo = Math.min(a, b);
        double hi = Math.max(a, b);
        return new WindowLevel((lo + hi + 1) / 2.0, Math.max(1, hi - lo + 1));
    }
}
