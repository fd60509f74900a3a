package org.cxrstudio.core.gatebuild;

import static org.assertj.core.api.Assertions.assertThat;

import org.cxrstudio.core.gate.ContentRules;
import org.cxrstudio.core.imaging.GrayImage;
import org.cxrstudio.core.training.onnx.Float16;
import org.junit.jupiter.api.Test;

/** The pure parts of the gate build: kNN distance, split, float16, transforms. */
class GateBuildPartsTest {
    @Test
    void knnAveragesTheKLargestCosines() {
        // bank of three unit vectors in 2-d; query (1, 0): cosines 1, 0.6, -1
        float[] bank = {1, 0, 0.6f, 0.8f, -1, 0};
        Knn knn = new Knn(bank, 3, 2, 2);
        assertThat(knn.distance(new float[] {1, 0})).isCloseTo(1 - (1 + 0.6) / 2, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(knn.distance(new float[] {1, 0}, 0)).isCloseTo(1 - (0.6 - 1) / 2, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void quantileIsNearestRank() {
        double[] v = {5, 1, 4, 2, 3};
        assertThat(Knn.quantile(v, 0.8)).isEqualTo(4);
        assertThat(Knn.quantile(v, 1.0)).isEqualTo(5);
        assertThat(Knn.quantile(v, 0.01)).isEqualTo(1);
    }

    @Test
    void splitBucketIsStableAndRoughlyUniform() {
        assertThat(FilmSplit.bucket("nih-cxr14/a.png")).isEqualTo(FilmSplit.bucket("nih-cxr14/a.png"));
        int[] counts = new int[3];
        for (int i = 0; i < 3000; i++) {
            int b = FilmSplit.bucket("x/" + i + ".png");
            counts[b < 60 ? 0 : b < 80 ? 1 : 2]++;
        }
        assertThat(counts[0]).isBetween(1650, 1950);
        assertThat(counts[1]).isBetween(480, 720);
        assertThat(counts[2]).isBetween(480, 720);
    }

    @Test
    void halfFloatRoundTripsKnownValues() {
        assertThat(Float16.toHalf(1f)).isEqualTo((short) 0x3C00);
        assertThat(Float16.toHalf(-2f)).isEqualTo((short) 0xC000);
        assertThat(Float16.toHalf(0.1f)).isEqualTo((short) 0x2E66);
        for (float v : new float[] {0.0312f, -0.77f, 1e-5f, 0.5f}) {
            assertThat(Float16.fromHalf(Float16.toHalf(v))).isCloseTo(v, org.assertj.core.data.Offset.offset(Math.abs(v) * 1e-3f + 1e-7f));
        }
    }

    @Test
    void negativesTurnAndInvert() {
        GrayImage g = new GrayImage(2, 2, new byte[] {1, 2, 3, 4}); // [1 2; 3 4]
        assertThat(Negatives.rotate90(g).gray()).containsExactly(3, 1, 4, 2);
        assertThat(Negatives.flipVertical(g).gray()).containsExactly(3, 4, 1, 2);
        assertThat(Negatives.invert(g).gray()[0] & 0xFF).isEqualTo(254);
    }

    @Test
    void contentVariantsMatchTheNegatives() {
        float[] p = {1, 2, 3, 4};
        float[][] v = ContentRules.variants(p, 2);
        assertThat(v[1]).containsExactly(3, 1, 4, 2);   // 90 clockwise, as Negatives.rotate90
        assertThat(v[2]).containsExactly(4, 3, 2, 1);   // 180
        assertThat(v[4]).containsExactly(3, 4, 1, 2);   // upside down
        assertThat(v[5][0]).isEqualTo(254);
    }
}
