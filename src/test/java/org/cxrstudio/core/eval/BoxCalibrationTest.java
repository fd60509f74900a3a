package org.cxrstudio.core.eval;

import org.cxrstudio.core.saliency.Box;
import org.cxrstudio.core.saliency.BoxParams;
import org.cxrstudio.core.saliency.Heatmap;
import org.cxrstudio.core.task.CancellationToken;
import org.cxrstudio.core.task.CancelledException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Synthetic heatmaps on a 256×256 grid over a 256×256 image (so the box raster reads the grid
 * values exactly): square "pyramids" {@code v = peak - d/97}, {@code d} the Chebyshev distance in
 * pixels from the apex, whose contours are squares that can be worked out by hand.
 */
class BoxCalibrationTest {
    static final int S = 256;

    /** Adds a pyramid with apex at pixel (cx, cy) (max with what is there). */
    static void pyramid(float[] v, int cx, int cy, double peak) {
        for (int y = 0; y < S; y++) {
            for (int x = 0; x < S; x++) {
                int d = Math.max(Math.abs(x - cx), Math.abs(y - cy));
                v[y * S + x] = Math.max(v[y * S + x], (float) Math.max(0, peak - d / 97.0));
            }
        }
    }

    /** The box of pixels within Chebyshev distance {@code d} of (cx, cy). */
    static Box square(int cx, int cy, int d) {
        return new Box(cx - d, cy - d, cx + d + 1, cy + d + 1, 1);
    }

    @Test
    void picksTheThresholdWhoseContourIsTheTruth() {
        // apex 1 at (128, 128): v >= 0.8 <=> d <= 19 (d/97 <= 0.2); v >= 0.5 <=> d <= 48
        float[] v = new float[S * S];
        pyramid(v, 128, 128, 1.0);
        Box truth = square(128, 128, 19); // 39 px wide: the 0.8 contour, inside the half-max one
        List<BoxCalibration.Case> cases = List.of(new BoxCalibration.Case(new Heatmap(S, S, v, S, S), List.of(truth)));

        List<BoxCalibration.Result> ranked = BoxCalibration.sweep(cases, BoxCalibration.Grid.DEFAULT, CancellationToken.NONE);

        assertThat(ranked).hasSize(13 * 4 * 4);
        BoxCalibration.Result best = ranked.get(0);
        assertThat(best.params().relativeThreshold()).isEqualTo(0.8);
        assertThat(best.miou()).isCloseTo(1.0, within(1e-12));
        assertThat(best.recall()).isEqualTo(1.0);
        assertThat(ranked.stream().filter(r -> r.miou() > 0.99).map(r -> r.params().relativeThreshold()))
                .containsOnly(0.8);
        // the default (0.5): a 97 px square around the 39 px truth: IoU 39²/97²; its box IoU is below 0.3
        BoxCalibration.Result dflt = BoxCalibration.evaluate(cases, BoxParams.DEFAULT);
        assertThat(dflt.miou()).isCloseTo(39.0 * 39 / (97 * 97), within(1e-12));
        assertThat(dflt.recall()).isEqualTo(0.0);
        // 0.75: d <= 24, a 49 px square
        assertThat(find(ranked, 0.75, 0.005, 3).miou()).isCloseTo(39.0 * 39 / (49 * 49), within(1e-12));
    }

    @Test
    void minAreaAndMaxBoxesMatterWhenASmallHotSpotOutranksTheLesion() {
        // a 12x12 plateau of 1.0 (144 px = 0.22 % of the image: kept at 0.2 %, dropped at 0.5 %)
        // and the lesion, a pyramid with apex 0.95: at 0.8 of the map max (1.0) it is d <= 14
        float[] v = new float[S * S];
        pyramid(v, 128, 128, 0.95);
        for (int y = 20; y < 32; y++) {
            for (int x = 20; x < 32; x++) {
                v[y * S + x] = 1f;
            }
        }
        Box truth = square(128, 128, 14); // 29 px wide
        List<BoxCalibration.Case> cases = List.of(new BoxCalibration.Case(new Heatmap(S, S, v, S, S), List.of(truth)));

        List<BoxCalibration.Result> ranked = BoxCalibration.sweep(cases, BoxCalibration.Grid.DEFAULT, CancellationToken.NONE);

        BoxCalibration.Result best = ranked.get(0);
        assertThat(best.params()).isEqualTo(new BoxParams(0.8, 0.005, 1)); // ties broken in grid order
        assertThat(best.miou()).isCloseTo(1.0, within(1e-12));
        assertThat(find(ranked, 0.8, 0.002, 1).miou()).isZero();            // the spot takes the one slot
        assertThat(find(ranked, 0.8, 0.002, 2).miou()).isCloseTo(841.0 / (841 + 144), within(1e-12));
    }

    @Test
    void sweepFiguresEqualThoseOfThePredictionPath() {
        float[] a = new float[S * S];
        pyramid(a, 90, 100, 1.0);
        pyramid(a, 180, 170, 0.8);
        float[] b = new float[S * S];
        pyramid(b, 60, 200, 0.7);
        List<BoxCalibration.Case> cases = List.of(
                new BoxCalibration.Case(new Heatmap(S, S, a, S, S), List.of(square(90, 100, 25), square(180, 170, 10))),
                new BoxCalibration.Case(new Heatmap(S, S, b, S, S), List.of(new Box(40, 150, 90, 240, 1))));
        BoxCalibration.Grid grid = new BoxCalibration.Grid(List.of(0.3, 0.55, 0.85), List.of(0.0, 0.005, 0.05), List.of(1, 2));
        List<BoxCalibration.Result> ranked = BoxCalibration.sweep(cases, grid, CancellationToken.NONE);
        assertThat(ranked).hasSize(18);
        for (BoxCalibration.Result r : ranked) {
            BoxCalibration.Result direct = BoxCalibration.evaluate(cases, r.params());
            assertThat(r.miou()).as("%s", r.params()).isEqualTo(direct.miou());
            assertThat(r.recall()).as("%s", r.params()).isEqualTo(direct.recall());
        }
        for (int i = 1; i < ranked.size(); i++) {
            assertThat(ranked.get(i).miou()).isLessThanOrEqualTo(ranked.get(i - 1).miou());
        }
    }

    @Test
    void refusesEmptyInputAndStopsWhenCancelled() {
        assertThatThrownBy(() -> BoxCalibration.sweep(List.of(), BoxCalibration.Grid.DEFAULT, CancellationToken.NONE))
                .hasMessageContaining("no TB images with ground-truth boxes");
        float[] v = new float[S * S];
        pyramid(v, 128, 128, 1.0);
        Heatmap h = new Heatmap(S, S, v, S, S);
        assertThatThrownBy(() -> new BoxCalibration.Case(h, List.of())).hasMessageContaining("at least one ground-truth box");
        assertThatThrownBy(() -> new BoxCalibration.Grid(List.of(1.5), List.of(0.0), List.of(1)))
                .hasMessageContaining("relative threshold");
        CancellationToken cancel = new CancellationToken();
        cancel.cancel();
        assertThatThrownBy(() -> BoxCalibration.sweep(List.of(new BoxCalibration.Case(h, List.of(square(128, 128, 5)))),
                BoxCalibration.Grid.DEFAULT, cancel)).isInstanceOf(CancelledException.class);
    }

    private static BoxCalibration.Result find(List<BoxCalibration.Result> ranked, double t, double a, int n) {
        return ranked.stream().filter(r -> r.params().equals(new BoxParams(t, a, n))).findFirst().orElseThrow();
    }
}
