package org.cxrstudio.core.saliency;

import org.cxrstudio.core.imaging.CropRegion;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CroppedHeatmapTest {
    static final int W = 1000;
    static final int H = 800;
    /** 8 % border of 1000 x 800: margins 80 / 64 px. */
    static final CropRegion REGION = new CropRegion(80, 64, 840, 672);

    /** A 4x4 CAM with one peak at column 2, row 1. */
    static float[] peakCam() {
        float[] cam = new float[16];
        cam[4 + 2] = 5f;
        return cam;
    }

    @Test
    void camPeakMapsToTheOriginalImagePixelInsideTheCrop() {
        Heatmap hm = Heatmaps.fromCam(peakCam(), 4, 4, REGION, W, H, CamNormalization.MIN_MAX);
        assertThat(hm.imageWidth()).isEqualTo(W);
        assertThat(hm.imageHeight()).isEqualTo(H);
        int[] peak = argmax(hm);
        // cell centre in the crop: x = 80 + 2.5 * 840/4 - 0.5 = 604.5, y = 64 + 1.5 * 672/4 - 0.5 = 315.5;
        // without the crop offset it would be 624.5 / 299.5
        double cellX = (double) W / hm.width();
        double cellY = (double) H / hm.height();
        assertThat(peak[0]).isCloseTo(604, within((int) Math.ceil(cellX / 2) + 1));
        assertThat(peak[1]).isCloseTo(315, within((int) Math.ceil(cellY / 2) + 1));
        assertThat(Math.abs(peak[0] - 624.5)).isGreaterThan(cellX / 2 + 1);
        assertThat(Math.abs(peak[1] - 299.5)).isGreaterThan(cellY / 2 + 1);
        assertThat(hm.atImage(peak[0], peak[1])).isCloseTo(1f, within(0.05f));
    }

    @Test
    void theCroppedAwayMarginIsColdAndBoxesStayInsideTheCrop() {
        float[] hotEdge = new float[16];
        java.util.Arrays.fill(hotEdge, 1f); // everything the model saw is hot: only the margin is cold
        hotEdge[0] = 0f;
        Heatmap hm = Heatmaps.fromCam(hotEdge, 4, 4, REGION, W, H, CamNormalization.SIGMOID);
        assertThat(hm.atImage(10, 10)).isZero();
        assertThat(hm.atImage(990, 790)).isZero();
        assertThat(hm.atImage(500, 400)).isCloseTo((float) (1 / (1 + Math.exp(-1))), within(1e-4f));

        List<Box> boxes = new BoxExtractor(BoxParams.DEFAULT).extract(
                Heatmaps.fromCam(peakCam(), 4, 4, REGION, W, H, CamNormalization.MIN_MAX));
        assertThat(boxes).isNotEmpty();
        Box b = boxes.get(0);
        assertThat(b.x1()).isBetween(80.0, 604.0);
        assertThat(b.x2()).isBetween(605.0, 920.0);
        assertThat(b.y1()).isBetween(64.0, 315.0);
        assertThat(b.y2()).isBetween(316.0, 736.0);
    }

    @Test
    void wholeImageRegionIsTheUncroppedHeatmap() {
        Heatmap a = Heatmaps.fromCam(peakCam(), 4, 4, new CropRegion(0, 0, W, H), W, H, CamNormalization.MIN_MAX);
        Heatmap b = Heatmaps.fromCam(peakCam(), 4, 4, W, H, CamNormalization.MIN_MAX);
        assertThat(a.width()).isEqualTo(4);
        assertThat(a.values()).containsExactly(b.values());
    }

    private static int[] argmax(Heatmap hm) {
        int bx = -1;
        int by = -1;
        float best = -1;
        for (int y = 0; y < hm.imageHeight(); y++) {
            for (int x = 0; x < hm.imageWidth(); x++) {
                float v = hm.atImage(x, y);
                if (v > best) {
                    best = v;
                    bx = x;
                    by = y;
                }
            }
        }
        return new int[] {bx, by};
    }
}
