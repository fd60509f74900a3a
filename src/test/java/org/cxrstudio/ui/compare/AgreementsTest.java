package org.cxrstudio.ui.compare;

import org.cxrstudio.core.inference.Prediction;
import org.cxrstudio.core.saliency.Box;
import org.cxrstudio.core.saliency.Heatmap;
import org.cxrstudio.ui.overlay.FakeModels;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AgreementsTest {

    @Test
    void boxIouOfUnionsByHand() {
        // 100x100 image: A = [0,50)x[0,100), B = [25,75)x[0,100): inter 25 cols, union 75 cols -> 1/3
        double iou = Agreements.unionIou(List.of(new Box(0, 0, 50, 100, 1)), List.of(new Box(25, 0, 75, 100, 1)), 100, 100);
        assertThat(iou).isCloseTo(1 / 3.0, within(0.02));
        assertThat(Agreements.unionIou(List.of(new Box(10, 10, 40, 40, 1)), List.of(new Box(10, 10, 40, 40, 1)), 100, 100)).isEqualTo(1.0);
        assertThat(Agreements.unionIou(List.of(new Box(10, 10, 40, 40, 1)), List.of(), 100, 100)).isZero();
        assertThat(Agreements.unionIou(List.of(), List.of(), 100, 100)).isNaN();
    }

    @Test
    void heatmapCorrelation() {
        Heatmap a = FakeModels.blob(200, 100, 0.3, 0.5);
        assertThat(Agreements.correlation(a, a)).isCloseTo(1.0, within(1e-9));
        Heatmap far = FakeModels.blob(200, 100, 0.8, 0.5);
        assertThat(Agreements.correlation(a, far)).isLessThan(0.2);
        float[] inv = a.values().clone();
        for (int i = 0; i < inv.length; i++) {
            inv[i] = 1 - inv[i];
        }
        assertThat(Agreements.correlation(a, new Heatmap(16, 16, inv, 200, 100))).isCloseTo(-1.0, within(1e-6));
        assertThat(Agreements.correlation(a, new Heatmap(2, 2, new float[] {0.5f, 0.5f, 0.5f, 0.5f}, 200, 100))).isNaN();
    }

    @Test
    void decisionsAtEachModelsThreshold() {
        Heatmap h = FakeModels.blob(100, 100, 0.5, 0.5);
        Prediction a = new Prediction(0.8, 0.5, true, h, List.of(), "CPU", 1);
        Prediction b = new Prediction(0.4, 0.5, false, h, List.of(), "CPU", 1);
        Agreement g = Agreements.of(a, 0.5, List.of(), b, 0.3, List.of());
        assertThat(g.decisionsAgree()).isTrue();
        assertThat(g.scoreDifference()).isCloseTo(-0.4, within(1e-12));
        assertThat(g.summary()).startsWith("Agree (positive)").contains("TB scores 80 vs 40 (Δ -40)", "box IoU n/a", "heatmap r 1.00");
        assertThat(Agreements.of(a, 0.5, List.of(), b, 0.5, List.of()).summary()).startsWith("DISAGREE");
    }
}
