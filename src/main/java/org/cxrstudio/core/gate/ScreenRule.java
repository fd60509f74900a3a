package org.cxrstudio.core.gate;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
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
        return check(r.bitsStored() <= 8 && !r.signed() ? stored(r) : rendered, measures);
    }

    /**
     * An 8-bit source as stored (MONOCHROME1 inverted): screenshots are 8-bit, and the display
     * window, which maps the brightest half percent to white, would saturate a light panel that
     * is the brightest thing in the picture.
     */
    private static GrayImage stored(Radiograph r) {
        int[] px = r.pixels();
        byte[] out = new byte[px.length];
        boolean invert = r.photometric() == Photometric.MONOCHROME1;
        for (int i = 0; i < px.length; i++) {
            int v = Math.max(0, Math.min(255, px[i]));
            out[i] = (byte) (invert ? 255 - v : v);
        }
        return new GrayImage(r.columns(), r.rows(), out);
    }

    /**
     * The rule on a grey picture. A refusal, or empty; adds {@code "flat_light_rows"} and
     * {@code "flat_light_columns"} (shares {@code 0..1} of rows and of columns holding a run) to
     * {@code measures}.
     */
    static Optional<GateDecision> check(GrayImage g, Map<String, Double> measures) {
        double[] shares = shares(g);
        measures.put("flat_light_rows", shares[0]);
        measures.put("flat_light_columns", shares[1]);
        if (shares[0] >= LIMIT && shares[1] >= LIMIT) {
            return Optional.of(GateDecision.refuse(RefusalReason.NOT_CHEST_FILM,
                    GateText.of("screen", 100 * shares[0], 100 * shares[1]), measures));
        }
        return Optional.empty();
    }

    /** Shares of the rows and of the columns that hold a flat light run, in one row-major sweep. */
    private static double[] shares(GrayImage g) {
        int w = g.width();
        int h = g.height();
        byte[] px = g.gray();
        int minRowRun = minRun(w);
        int minColumnRun = minRun(h);
        int[] columnRun = new int[w];
        int[] columnValue = new int[w];
        boolean[] columnHit = new boolean[w];
        Arrays.fill(columnValue, -1);
        int rowHits = 0;
        for (int y = 0, at = 0; y < h; y++) {
            int run = 0;
            int value = -1;
            boolean rowHit = false;
            for (int x = 0; x < w; x++, at++) {
                int v = px[at] & 0xFF;
                if (v < LIGHT_MIN || v > LIGHT_MAX) {   // dark or white: breaks both runs
                    value = -1;
                    columnValue[x] = -1;
                    continue;
                }
                run = v == value ? run + 1 : 1;
                value = v;
                rowHit |= run >= minRowRun;
                int down = v == columnValue[x] ? columnRun[x] + 1 : 1;
                columnRun[x] = down;
                columnValue[x] = v;
                columnHit[x] |= down >= minColumnRun;
            }
            rowHits += rowHit ? 1 : 0;
        }
        int columnHits = 0;
        for (boolean hit : columnHit) {
            columnHits += hit ? 1 : 0;
        }
        return new double[] {(double) rowHits / h, (double) columnHits / w};
    }

    private static int minRun(int length) {
        return Math.max(2, (int) Math.ceil(MIN_RUN * length));
    }
}
