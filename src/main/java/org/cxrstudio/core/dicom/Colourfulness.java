package org.cxrstudio.core.dicom;

import java.util.Locale;
import java.util.Map;

/**
 * How colourful an RGB image was before it was converted to gray, so that the input gate can
 * refuse colour photographs (a chest radiograph is gray). Two numbers, both on 8-bit sample
 * scale whatever the source depth:
 * <ul>
 *   <li>{@link #colourfulness()}: the Hasler–Süsstrunk metric (2003),
 *       {@code sqrt(sd(rg)^2 + sd(yb)^2) + 0.3 * sqrt(mean(rg)^2 + mean(yb)^2)} with
 *       {@code rg = R - G}, {@code yb = (R + G)/2 - B}; 0 for a gray image, about 15 "slightly
 *       colourful", 33 "moderately", above 45 for typical photographs;</li>
 *   <li>{@link #colourPixelFraction()}: the fraction {@code 0..1} of pixels whose chroma
 *       {@code max(R,G,B) - min(R,G,B)} is at least {@value #CHROMA_LEVEL} (of 255).</li>
 * </ul>
 * The readers record both in the radiograph metadata under {@link #COLOURFULNESS_KEY} and
 * {@link #COLOUR_FRACTION_KEY}; gray sources carry neither key. Not thread-safe: one
 * accumulator per decoded image. Lives in {@code dicom} because the DICOM pixel decoder and the
 * PNG/JPEG reader (in {@code imaging}, which depends on {@code dicom}) both use it.
 */
public final class Colourfulness {
    /** Metadata key of the Hasler–Süsstrunk colourfulness, 8-bit scale, {@code >= 0}. */
    public static final String COLOURFULNESS_KEY = "Colourfulness";
    /** Metadata key of the fraction of strongly coloured pixels, {@code 0..1}. */
    public static final String COLOUR_FRACTION_KEY = "ColourPixelFraction";
    /** Chroma (8-bit scale) at or above which a pixel counts as coloured. */
    public static final int CHROMA_LEVEL = 48;

    private final double scale;
    private long n;
    private long coloured;
    private double sumRg;
    private double sumRg2;
    private double sumYb;
    private double sumYb2;

    /** @param maxSample the largest sample value of the source (255 for 8-bit), scaled to 255 */
    public Colourfulness(int maxSample) {
        this.scale = 255.0 / Math.max(1, maxSample);
    }

    /** Adds one pixel's RGB samples (source scale). */
    public void add(int r, int g, int b) {
        n++;
        if (r == g && g == b) {
            return;
        }
        double rs = r * scale;
        double gs = g * scale;
        double bs = b * scale;
        double rg = rs - gs;
        double yb = 0.5 * (rs + gs) - bs;
        sumRg += rg;
        sumRg2 += rg * rg;
        sumYb += yb;
        sumYb2 += yb * yb;
        double chroma = Math.max(rs, Math.max(gs, bs)) - Math.min(rs, Math.min(gs, bs));
        if (chroma >= CHROMA_LEVEL) {
            coloured++;
        }
    }

    /** Adds one YCbCr (full range, {@code YBR_FULL}) pixel by converting it to RGB first. */
    public void addYbr(int y, int cb, int cr, int maxSample) {
        double half = (maxSample + 1) / 2.0;
        double r = y + 1.402 * (cr - half);
        double g = y - 0.344136 * (cb - half) - 0.714136 * (cr - half);
        double b = y + 1.772 * (cb - half);
        add(clamp(r, maxSample), clamp(g, maxSample), clamp(b, maxSample));
    }

    private static int clamp(double v, int max) {
        return (int) Math.round(Math.max(0, Math.min(max, v)));
    }

    /** Hasler–Süsstrunk colourfulness of the pixels added so far, 8-bit scale. */
    public double colourfulness() {
        if (n == 0) {
            return 0;
        }
        double mRg = sumRg / n;
        double mYb = sumYb / n;
        double vRg = Math.max(0, sumRg2 / n - mRg * mRg);
        double vYb = Math.max(0, sumYb2 / n - mYb * mYb);
        return Math.sqrt(vRg + vYb) + 0.3 * Math.sqrt(mRg * mRg + mYb * mYb);
    }

    /** Fraction of the pixels added so far with chroma {@code >= CHROMA_LEVEL}. */
    public double colourPixelFraction() {
        return n == 0 ? 0 : (double) coloured / n;
    }

    /** Writes both measures into a metadata map (as {@link Locale#ROOT} decimals). */
    public void putInto(Map<String, String> metadata) {
        metadata.put(COLOURFULNESS_KEY, String.format(Locale.ROOT, "%.3f", colourfulness()));
        metadata.put(COLOUR_FRACTION_KEY, String.format(Locale.ROOT, "%.5f", colourPixelFraction()));
    }
}
