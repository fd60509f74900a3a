package org.cxrstudio.core.gate;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntUnaryOperator;
import org.cxrstudio.core.imaging.GrayImage;
import org.cxrstudio.core.imaging.Photometric;
import org.cxrstudio.core.imaging.Radiograph;

/**
 * Refuses screenshots and rendered documents: a user interface has panels, bars and margins of
 * one exact light grey with long straight edges, both across and down the picture; a film does
 * not. Its light areas are noisy, and where the display window saturates them they are pure white,
 * which this rule leaves out (as it leaves out dark values, because film backgrounds and shutters
 * are flat and dark). On 8-bit sources as stored, on deeper ones as the gate renders them; full
 * resolution. Stateless and thread-safe.
 *
 * <p>Measured (docs/gate.md): the 1,590 shared chest films and the chest DICOM have no column with
 * such a run, so every film gives 0 for {@code flat_light_columns}; grey copies of this
 * application's screenshots give 8–62 % of rows and 3–39 % of columns.
 */
final class ScreenRule {
    /** A run counts when one grey value holds for at least this share of the row or column. */
    static final double MIN_RUN = 0.25;
    /** Light, not saturated: the grey values a run may have (inclusive), of the 8-bit rendering. */
    static final int LIGHT_MIN = 100;
    static final int LIGHT_MAX = 254;
    /** Refused when at least this share of the rows and of the columns each hold a run. */
    static final double LIMIT = 0.02;

    private ScreenRule() { }

    /** The rule on a radiograph: an 8-bit source as stored, a deeper one as {@code rendered} by the gate. */
    static Optional<GateDecision> check(Radiograph r, GrayImage rendered, Map<String, Double> measures) {
        return r.bitsStored() <= 8 && !r.signed() ? check(stored(r), r.columns(), r.rows(), measures)
                : check(rendered, measures);
    }

    /**
     * An 8-bit source as stored (MONOCHROME1 inverted): screenshots are 8-bit, and the display
     * window, which maps the brightest half percent to white, would saturate a light panel that
     * is the brightest thing in the picture. Read in place, not copied.
     */
    private static IntUnaryOperator stored(Radiograph r) {
        int[] px = r.pixels();
        return r.photometric() == Photometric.MONOCHROME1 ? i -> 255 - Math.max(0, Math.min(255, px[i]))
                : i -> Math.max(0, Math.min(255, px[i]));
    }

    /**
     * The rule on a grey picture. A refusal, or empty; adds {@code "flat_light_rows"} and
     * {@code "flat_light_columns"} (shares {@code 0..1} of rows and of columns holding a run) to
     * {@code measures}.
     */
    static Optional<GateDecision> check(GrayImage g, Map<String, Double> measures) {
        byte[] px = g.gray();
        return check(i -> px[i] & 0xFF, g.width(), g.height(), measures);
    }

    private static Optional<GateDecision> check(IntUnaryOperator grey, int width, int height,
                                                Map<String, Double> measures) {
        double rows = rowShare(grey, width, height);
        double columns = columnShare(grey, width, height);
        measures.put("flat_light_rows", rows);
        measures.put("flat_light_columns", columns);
        if (rows >= LIMIT && columns >= LIMIT) {
            return Optional.of(GateDecision.refuse(RefusalReason.NOT_CHEST_FILM,
                    GateText.of("screen", 100 * rows, 100 * columns), measures));
        }
        return Optional.empty();
    }

    /** Share of the rows that hold a flat light run. */
    private static double rowShare(IntUnaryOperator grey, int w, int h) {
        int minRun = minRun(w);
        int hits = 0;
        for (int y = 0; y < h; y++) {
            int run = 0;
            int previous = -1;
            for (int x = 0, at = y * w; x < w; x++, at++) {
                int v = light(grey.applyAsInt(at));
                run = v >= 0 && v == previous ? run + 1 : 1;
                previous = v;
                if (v >= 0 && run >= minRun) {
                    hits++;
                    break;
                }
            }
        }
        return (double) hits / h;
    }

    /** Share of the columns that hold a flat light run (walked row by row, for the cache). */
    private static double columnShare(IntUnaryOperator grey, int w, int h) {
        int minRun = minRun(h);
        int[] run = new int[w];
        int[] previous = new int[w];
        boolean[] hit = new boolean[w];
        Arrays.fill(previous, -1);
        for (int y = 0, at = 0; y < h; y++) {
            for (int x = 0; x < w; x++, at++) {
                int v = light(grey.applyAsInt(at));
                run[x] = v >= 0 && v == previous[x] ? run[x] + 1 : 1;
                previous[x] = v;
                hit[x] |= v >= 0 && run[x] >= minRun;
            }
        }
        int hits = 0;
        for (boolean column : hit) {
            hits += column ? 1 : 0;
        }
        return (double) hits / w;
    }

    private static int minRun(int length) {
        return Math.max(2, (int) Math.ceil(MIN_RUN * length));
    }

    /** The grey value when it is light and not saturated, else -1 (which breaks a run). */
    private static int light(int v) {
        return v >= LIGHT_MIN && v <= LIGHT_MAX ? v : -1;
    }
}
