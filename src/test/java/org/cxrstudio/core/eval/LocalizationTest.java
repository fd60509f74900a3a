package org.cxrstudio.core.eval;

import org.cxrstudio.core.saliency.Box;
import org.cxrstudio.core.saliency.Heatmap;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LocalizationTest {

    private static Box box(double x1, double y1, double x2, double y2) {
        return new Box(x1, y1, x2, y2, 1);
    }

    @Test
    void iouOfUnionsUsesPixelMasks() {
        assertThat(Localization.iouOfUnions(List.of(box(0, 0, 10, 10)), List.of(box(5, 0, 15, 10)), 100, 100))
                .isCloseTo(50.0 / 150, within(1e-12));
        // two overlapping truth boxes: union 100 + 100 - 25 = 175 px, inside a 15x15 prediction
        assertThat(Localization.iouOfUnions(List.of(box(0, 0, 15, 15)),
                List.of(box(0, 0, 10, 10), box(5, 5, 15, 15)), 100, 100)).isCloseTo(175.0 / 225, within(1e-12));
        // overlapping predictions are not double counted
        assertThat(Localization.iouOfUnions(List.of(box(0, 0, 10, 10), box(0, 0, 10, 10)),
                List.of(box(0, 0, 10, 10)), 20, 20)).isEqualTo(1.0);
    }

    @Test
    void iouOfUnionsEqualsThePerCellMaskCount() {
        java.util.Random r = new java.util.Random(7);
        int[][] sizes = {{512, 512}, {100, 80}, {3000, 2500}, {7, 5}};
        for (int trial = 0; trial < 400; trial++) {
            int[] wh = sizes[trial % sizes.length];
            List<Box> p = randomBoxes(r, r.nextInt(4), wh);
            List<Box> t = randomBoxes(r, 1 + r.nextInt(3), wh);
            assertThat(Localization.iouOfUnions(p, t, wh[0], wh[1])).as("%s vs %s on %dx%d", p, t, wh[0], wh[1])
                    .isEqualTo(Localization.iouOfUnionsByMask(p, t, wh[0], wh[1]));
        }
    }

    private static List<Box> randomBoxes(java.util.Random r, int n, int[] wh) {
        List<Box> out = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            // fractional edges, sometimes past the image, sometimes thinner than a pixel
            double x1 = r.nextDouble() * wh[0] * 1.1 - wh[0] * 0.05;
            double y1 = r.nextDouble() * wh[1] * 1.1 - wh[1] * 0.05;
            double w = r.nextInt(5) == 0 ? r.nextDouble() : r.nextDouble() * wh[0] / 2;
            double h = r.nextInt(5) == 0 ? r.nextDouble() : r.nextDouble() * wh[1] / 2;
            out.add(box(x1, y1, x1 + w, y1 + h));
        }
        return out;
    }

    @Test
    void emptyBoxSets() {
        assertThat(Localization.iouOfUnions(List.of(), List.of(box(0, 0, 10, 10)), 50, 50)).isZero();
        assertThat(Localization.boxesFound(List.of(), List.of(box(0, 0, 10, 10)), 0.3)).isZero();
        assertThatThrownBy(() -> Localization.iouOfUnions(List.of(box(0, 0, 1, 1)), List.of(), 50, 50))
                .hasMessageContaining("ground-truth");
    }

    @Test
    void largeImagesUseAReducedRasterWithSmallError() {
        assertThat(Localization.iouOfUnions(List.of(box(0, 0, 2000, 1000)), List.of(box(0, 0, 2000, 1000)), 4000, 2000))
                .isEqualTo(1.0);
        assertThat(Localization.iouOfUnions(List.of(box(0, 0, 1000, 1000)), List.of(box(0, 0, 2000, 1000)), 4000, 2000))
                .isCloseTo(0.5, within(0.01));
    }

    @Test
    void boxRecallCountsTruthBoxesHitAtIou30() {
        List<Box> truth = List.of(box(0, 0, 10, 10), box(50, 50, 60, 60));
        // 100 / 120 with the first; the second prediction overlaps the other truth box by 25/175 < 0.3
        List<Box> predicted = List.of(box(0, 0, 10, 12), box(55, 55, 65, 65));
        assertThat(Localization.boxIou(predicted.get(0), truth.get(0))).isCloseTo(100.0 / 120, within(1e-12));
        assertThat(Localization.boxIou(predicted.get(1), truth.get(1))).isCloseTo(25.0 / 175, within(1e-12));
        assertThat(Localization.boxesFound(predicted, truth, 0.3)).isEqualTo(1);
        assertThat(Localization.boxIou(box(0, 0, 0, 0), box(0, 0, 0, 0))).isZero();
    }

    @Test
    void softDiceAgainstHandValues() {
        // uniform map of 1 on 10x10; truth covers half: 2*50 / (100 + 50)
        Heatmap uniform = new Heatmap(1, 1, new float[] {1f}, 10, 10);
        assertThat(Localization.softDice(uniform, List.of(box(0, 0, 5, 10)))).isCloseTo(2.0 / 3, within(1e-9));
        // map equal to the mask: Dice 1
        Heatmap exact = new Heatmap(2, 1, new float[] {1f, 0f}, 2, 1);
        assertThat(Localization.softDice(exact, List.of(box(0, 0, 1, 1)))).isCloseTo(1.0, within(1e-9));
        // all-zero map: 0
        Heatmap zero = new Heatmap(1, 1, new float[] {0f}, 10, 10);
        assertThat(Localization.softDice(zero, List.of(box(0, 0, 5, 10)))).isZero();
    }
}
