package org.cxrstudio.core.gate;

/**
 * The orientation check's variants of the gate's square input plane ({@code size x size}, gray
 * {@code 0..255}, row-major): the plane turned by 90/180/270 degrees, flipped upside down and
 * inverted are compared with the (upright, positive) bank too. An upright frontal film is
 * closest to the bank as it is; when one of those versions is closer, the input is a film that is
 * rotated, upside down or inverted, which still looks film-like to the features. Pure functions,
 * thread-safe.
 */
public final class ContentRules {
    /** Names of {@link #variants} after the identity, in order. */
    public static final String[] VARIANTS = {"rotated_90", "rotated_180", "rotated_270", "upside_down", "inverted"};

    private ContentRules() { }

    /** The plane itself followed by the {@link #VARIANTS} of it. */
    public static float[][] variants(float[] plane, int size) {
        float[][] out = new float[1 + VARIANTS.length][plane.length];
        out[0] = plane;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                float v = plane[y * size + x];
                out[1][x * size + (size - 1 - y)] = v;                       // 90 clockwise
                out[2][(size - 1 - y) * size + (size - 1 - x)] = v;          // 180
                out[3][(size - 1 - x) * size + y] = v;                       // 270 clockwise
                out[4][(size - 1 - y) * size + x] = v;                       // upside down
                out[5][y * size + x] = 255 - v;                              // inverted
            }
        }
        return out;
    }
}
