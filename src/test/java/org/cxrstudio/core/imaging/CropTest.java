package org.cxrstudio.core.imaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CropTest {

    /** Hand-computed: margin = round(0.08 × side), region = side − 2 × margin. */
    @ParameterizedTest
    @CsvSource({
            "1000, 800, 80, 64, 840, 672",
            "2048, 2500, 164, 200, 1720, 2100", // 163.84 -> 164
            "101, 99, 8, 8, 85, 83",            // 8.08 -> 8, 7.92 -> 8
            "6, 6, 0, 0, 6, 6",                 // 0.48 -> 0: nothing to drop
            "7, 7, 1, 1, 5, 5",                 // 0.56 -> 1
            "1, 1, 0, 0, 1, 1"})
    void borderRegionArithmetic(int w, int h, int x, int y, int rw, int rh) {
        CropRegion r = Preprocessing.perImage(64).withCrop("border").cropRegion(w, h);
        assertThat(r).isEqualTo(new CropRegion(x, y, rw, rh));
        assertThat(Preprocessing.perImage(64).cropRegion(w, h)).isEqualTo(new CropRegion(0, 0, w, h));
    }

    @Test
    void aLargeFractionStillLeavesAPixel() {
        assertThat(CropRegion.of(3, 2, 0.49)).isEqualTo(new CropRegion(1, 0, 1, 2));
        assertThatThrownBy(() -> CropRegion.of(10, 10, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void applyCopiesTheRegionPixels() {
        byte[] g = new byte[5 * 4];
        for (int i = 0; i < g.length; i++) {
            g[i] = (byte) i;
        }
        GrayImage c = new CropRegion(1, 1, 3, 2).apply(new GrayImage(5, 4, g));
        assertThat(c.width()).isEqualTo(3);
        assertThat(c.gray()).containsExactly(6, 7, 8, 11, 12, 13);
    }

    @Test
    void borderCropRemovesAFramedLabelFromTheModelInput() {
        // dark 200x100 image with a white 10-px frame and a white "label" in the top-left corner
        int w = 200;
        int h = 100;
        byte[] g = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean frame = x < 10 || y < 5 || x >= w - 10 || y >= h - 5;
                boolean label = x < 15 && y < 8;
                g[y * w + x] = (byte) (frame || label ? 255 : 40);
            }
        }
        GrayImage img = new GrayImage(w, h, g);
        Preprocessing none = new Preprocessing(32, Preprocessing.FIXED, 0.5, 0.25);
        float[] withFrame = ModelInput.cropAndResize(img, none);
        float[] cropped = ModelInput.cropAndResize(img, none.withCrop("border"));
        assertThat(withFrame[0]).isEqualTo(255f);
        for (float v : cropped) {
            assertThat(v).isEqualTo(40f);
        }
        // prepare = cropAndResize + normalisation
        assertThat(ModelInput.prepare(img, none.withCrop("border"))[0]).isEqualTo((float) ((40 / 255.0 - 0.5) / 0.25));
    }

    @Test
    void cropValues() {
        assertThat(new Preprocessing(64, "per-image", 0, 1, null).crop()).isEqualTo("none");
        assertThat(new Preprocessing(64, "per-image", 0, 1).crop()).isEqualTo("none");
        assertThat(Preprocessing.perImage(64).withCrop("border").cropFraction()).isEqualTo(0.08);
        assertThat(Preprocessing.perImage(64).cropFraction()).isZero();
        assertThatThrownBy(() -> Preprocessing.perImage(64).withCrop("lungs"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lungs");
    }
}
