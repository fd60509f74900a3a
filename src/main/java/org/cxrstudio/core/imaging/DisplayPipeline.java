package org.cxrstudio.core.imaging;

import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/**
 * The one display pipeline shared by the viewer and the models: stored value → modality LUT
 * (rescale slope/intercept) → VOI (linear window per PS3.3 C.11.2.1.2, or the file's VOI LUT)
 * → MONOCHROME1 inversion (XOR the user's invert) → 8-bit gray. Pure functions, thread-safe.
 *
 * <p>Rendering goes through a lookup table over the stored-value range: the whole range that
 * {@code bitsStored} allows when that is small (up to 12 bits) against the image, else the range
 * the pixels actually span (at most 65 536 entries for 16-bit data), so a 2k×2k radiograph
 * renders in a few milliseconds.
 */
public final class DisplayPipeline {
    /** Lower percentile of the modality values used by {@link #defaultWindow}. */
    public static final double LOW_PERCENTILE = 0.5;
    /** Upper percentile of the modality values used by {@link #defaultWindow}. */
    public static final double HIGH_PERCENTILE = 99.5;

    private DisplayPipeline() { }

    /**
     * The window to show first: the file's first window if it has one (8-bit PNG/JPEG sources
     * carry the identity window C=128 W=256), else the 0.5–99.5 percentile range of the modality
     * values, which ignores collimator blanks and burnt-in labels and renders chest radiographs
     * with good lung/mediastinum contrast.
     */
    public static WindowLevel defaultWindow(Radiograph r) {
        if (!r.windows().isEmpty()) {
            return r.windows().get(0);
        }
        return percentileWindow(r);
    }

    /** The 0.5–99.5 percentile window of the modality values, ignoring any stored window. */
    public static WindowLevel percentileWindow(Radiograph r) {
        int[] range = StoredRange.percentiles(r.pixels(), LOW_PERCENTILE, HIGH_PERCENTILE);
        double a = modality(r, range[0]);
        double b = modality(r, range[1]);
        double lo = Math.min(a, b);
        double hi = Math.max(a, b);
        // with the DICOM linear function, C = lo + W/2 and W = hi - lo map lo to 0 and hi to 255
        double width = Math.max(1, hi - lo);
        return new WindowLevel(lo + width / 2, width);
    }

    /**
     * Renders for display.
     *
     * @param window the VOI window in modality units; {@code null} uses the file's first window,
     *               else the file's VOI LUT, else {@link #percentileWindow}
     * @param invert the user's invert toggle, applied on top of MONOCHROME1 inversion
     * @return an 8-bit image of the same size, 0 = black
     */
    public static GrayImage render(Radiograph r, WindowLevel window, boolean invert) {
        Objects.requireNonNull(r, "radiograph");
        boolean flip = (r.photometric() == Photometric.MONOCHROME1) ^ invert;
        DoubleUnaryOperator voi = voiFunction(r, window);
        int[] px = r.pixels();
        byte[] out = new byte[px.length];
        int bits = r.bitsStored();
        long declaredSpan = 1L << Math.max(1, Math.min(bits, 31));
        if (bits >= 1 && declaredSpan <= DECLARED_LUT_MAX && declaredSpan * 16 <= px.length) {
            // the pixels are masked to bitsStored (Radiograph's contract), so a table over that whole range
            // spares the min/max scan; a reader that broke the contract falls back to the scan below
            int lo = r.signed() ? (int) -(declaredSpan / 2) : 0;
            try {
                applyLut(r, lut(r, voi, flip, lo, (int) declaredSpan), lo, out);
                return new GrayImage(r.columns(), r.rows(), out);
            } catch (ArrayIndexOutOfBoundsException e) {
                // fall through
            }
        }
        int[] minMax = StoredRange.minMax(px);
        int min = minMax[0];
        long span = (long) minMax[1] - min + 1;
        if (span <= StoredRange.HISTOGRAM_SPAN) {
            applyLut(r, lut(r, voi, flip, min, (int) span), min, out);
        } else {
            for (int i = 0; i < px.length; i++) {
                out[i] = (byte) display(voi, modality(r, px[i]), flip);
            }
        }
        return new GrayImage(r.columns(), r.rows(), out);
    }

    /** Largest stored-value range ({@code 2^bitsStored}) rendered through a table over the whole range. */
    static final int DECLARED_LUT_MAX = 1 << 12;

    private static byte[] lut(Radiograph r, DoubleUnaryOperator voi, boolean flip, int first, int size) {
        byte[] lut = new byte[size];
        for (int i = 0; i < size; i++) {
            lut[i] = (byte) display(voi, modality(r, first + i), flip);
        }
        return lut;
    }

    private static void applyLut(Radiograph r, byte[] lut, int first, byte[] out) {
        int[] px = r.pixels();
        int cols = r.columns();
        SplitWork.rows(r.rows(), cols, (from, to) -> {
            for (int i = from * cols, end = to * cols; i < end; i++) {
                out[i] = lut[px[i] - first];
            }
        });
    }

    /** The modality value (e.g. Hounsfield units, or just the stored value) of a stored value. */
    public static double modality(Radiograph r, int stored) {
        return stored * r.rescaleSlope() + r.rescaleIntercept();
    }

    /**
     * Linear VOI function of PS3.3 C.11.2.1.2.1 to {@code 0..255}.
     *
     * @param x modality value
     */
    public static int applyWindow(WindowLevel w, double x) {
        double c = w.center() - 0.5;
        double halfRange = (w.width() - 1) / 2;
        if (x <= c - halfRange) {
            return 0;
        }
        if (x > c + halfRange) {
            return 255;
        }
        if (w.width() <= 1) {
            return x < c ? 0 : 255;
        }
        double y = ((x - c) / (w.width() - 1) + 0.5) * 255;
        return (int) Math.max(0, Math.min(255, Math.round(y)));
    }

    /**
     * A VOI LUT to {@code 0..255}: modality values below/above the mapped range clamp to the
     * first/last entry; entries scale by the larger of {@code 2^bits - 1} and the largest entry
     * (descriptors sometimes understate the entry depth).
     */
    public static DoubleUnaryOperator lutFunction(Radiograph.VoiLut lut) {
        int[] t = lut.table();
        if (t.length == 0) {
            return m -> 0;
        }
        long max = (1L << Math.max(1, Math.min(31, lut.bits()))) - 1;
        for (int v : t) {
            max = Math.max(max, v);
        }
        double scale = 255.0 / max;
        return m -> {
            long idx = Math.round(m) - lut.firstMapped();
            int e = t[(int) Math.max(0, Math.min(t.length - 1, idx))];
            return Math.max(0, e) * scale;
        };
    }

    private static DoubleUnaryOperator voiFunction(Radiograph r, WindowLevel window) {
        if (window == null && r.windows().isEmpty() && r.voiLut().isPresent()) {
            return lutFunction(r.voiLut().get());
        }
        WindowLevel w = window != null ? window : defaultWindow(r);
        return m -> applyWindow(w, m);
    }

    private static int display(DoubleUnaryOperator voi, double modality, boolean flip) {
        int v = (int) Math.max(0, Math.min(255, Math.round(voi.applyAsDouble(modality))));
        return flip ? 255 - v : v;
    }
}
