package org.cxrstudio.core.training.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LossesTest {
    private static NDManager nd;

    @BeforeAll
    static void start() {
        nd = NDManager.newBaseManager("PyTorch");
    }

    @AfterAll
    static void stop() {
        nd.close();
    }

    private static NDArray col(float... v) {
        return nd.create(v, new Shape(v.length, 1));
    }

    @Test
    void bceMatchesHandComputedValues() {
        // x=0,y=1: ln2 = 0.693147; x=2,y=0: 2+ln(1+e^-2) = 2.126928; x=-3,y=0.25: 0.75+... see below
        // x=-3, y=0.25: max(-3,0) - (-3)(0.25) + ln(1+e^-3) = 0.75 + 0.048587 = 0.798587
        float loss = Losses.bce(col(0, 2, -3), col(1, 0, 0.25f), col(1, 1, 1)).getFloat();
        assertThat(loss).isCloseTo((float) ((0.693147 + 2.126928 + 0.798587) / 3), within(1e-5f));
    }

    @Test
    void bceWeightsExcludeImagesAndAllZeroGivesZero() {
        float loss = Losses.bce(col(0, 2), col(1, 0), col(1, 0)).getFloat();
        assertThat(loss).isCloseTo(0.693147f, within(1e-5f));
        assertThat(Losses.bce(col(0, 2), col(1, 0), col(0, 0)).getFloat()).isEqualTo(0f);
    }

    @Test
    void bceIsStableForLargeLogits() {
        float loss = Losses.bce(col(100, -100), col(0, 1), col(1, 1)).getFloat();
        assertThat(loss).isCloseTo(100f, within(1e-3f));
    }

    @Test
    void distillationUsesTemperatureSquaredAndSoftTargets() {
        // teacher p=0.8 -> logit 1.386294; T=2 -> soft = sigmoid(0.693147) = 2/3
        float soft = Losses.softTarget(0.8, 2);
        assertThat(soft).isCloseTo(2f / 3, within(1e-6f));
        // student logit 1 -> x = 0.5; BCE(0.5, 2/3) = 0.5 - 0.5*2/3 + ln(1+e^-0.5) = 0.166667 + 0.474077 = 0.640744
        float loss = Losses.distillation(col(1), col(soft), 2, col(1)).getFloat();
        assertThat(loss).isCloseTo(4 * 0.640744f, within(1e-4f));
    }

    @Test
    void camTransferIsZeroForSameShapeAndFourForOppositeShape() {
        NDArray a = nd.create(new float[] {0, 1, 2, 3}, new Shape(1, 1, 2, 2));
        NDArray scaled = nd.create(new float[] {10, 30, 50, 70}, new Shape(1, 1, 2, 2));
        NDArray flipped = nd.create(new float[] {3, 2, 1, 0}, new Shape(1, 1, 2, 2));
        NDArray w = nd.create(new float[] {1});
        assertThat(Losses.camTransfer(a, scaled, w).getFloat()).isCloseTo(0f, within(1e-5f));
        // z-scores of 0..3: (-1.341641, -0.447214, 0.447214, 1.341641); opposite -> diff = 2z; mean(4 z^2) = 4
        assertThat(Losses.camTransfer(a, flipped, w).getFloat()).isCloseTo(4f, within(1e-4f));
    }

    @Test
    void camTransferAveragesOverWeightedImages() {
        NDArray s = nd.create(new float[] {0, 1, 2, 3, 0, 1, 2, 3}, new Shape(2, 1, 2, 2));
        NDArray t = nd.create(new float[] {3, 2, 1, 0, 0, 1, 2, 3}, new Shape(2, 1, 2, 2));
        assertThat(Losses.camTransfer(s, t, nd.create(new float[] {1, 1})).getFloat()).isCloseTo(2f, within(1e-4f));
        assertThat(Losses.camTransfer(s, t, nd.create(new float[] {0, 1})).getFloat()).isCloseTo(0f, within(1e-4f));
    }
}
