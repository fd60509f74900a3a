package org.cxrstudio.ui.viewer;

import org.cxrstudio.core.imaging.DisplayPipeline;
import org.cxrstudio.core.imaging.Photometric;
import org.cxrstudio.core.imaging.Radiograph;
import org.cxrstudio.core.imaging.WindowLevel;

/**
 * The viewer's fast window/level path: one lookup table from every <em>stored</em> value of a
 * radiograph straight to an opaque gray ARGB pixel, so a window drag costs one table build
 * (at most 65,536 entries) plus one array lookup per pixel instead of floating-point maths per
 * pixel. The mapping follows the same DICOM steps as {@link DisplayPipeline#render} (and its window function):
 * modality rescale (slope/intercept), the linear VOI window of PS3.3 C.11.2.1.2, MONOCHROME1
 * inversion, then the user's invert toggle.
 *
 * <p>Pure and headless; instances are immutable and thread-safe.
 */
public final class DisplayLut {
    private final int minStored;
    private final int[] argb;

    private DisplayLut(int minStored, int[] argb) {
        this.minStored = minStored;
        this.argb = argb;
    }

    /**
     * Builds the table for {@code image} over its stored-value range.
     *
     * @param range  stored-value range of {@code image} (see {@link PixelRange#of})
     * @param window VOI window in modality units
     * @param invert user invert toggle, applied after MONOCHROME1 handling
     */
    public static DisplayLut build(Radiograph image, PixelRange range, WindowLevel window, boolean invert) {
        int size = range.max() - range.min() + 1;
        int[] table = new int[size];
        boolean flip = invert ^ (image.photometric() == Photometric.MONOCHROME1);
        double slope = image.rescaleSlope();
        double intercept = image.rescaleIntercept();
        for (int i = 0; i < size; i++) {
            double modality = (range.min() + i) * slope + intercept;
            int g = DisplayPipeline.applyWindow(window, modality);
            if (flip) {
                g = 255 - g;
            }
            table[i] = 0xFF000000 | (g << 16) | (g << 8) | g;
        }
        return new DisplayLut(range.min(), table);
    }

    /** ARGB pixel for one stored value (clamped to the table's range). */
    public int argb(int stored) {
        int i = Math.max(0, Math.min(argb.length - 1, stored - minStored));
        return argb[i];
    }

    /**
     * Maps every stored pixel of {@code pixels} into {@code out} (same length): the hot loop of a
     * window/level drag. Values outside the table's range clamp to its ends.
     */
    public void apply(int[] pixels, int[] out) {
        int min = minStored;
        int[] table = argb;
        int last = table.length - 1;
        for (int i = 0; i < pixels.length; i++) {
            int k = pixels[i] - min;
            out[i] = table[k < 0 ? 0 : (k > last ? last : k)];
        }
    }

    /** Gray level {@code 0..255} of one stored value. */
    public int gray(int stored) {
        return argb(stored) & 0xFF;
    }
}
