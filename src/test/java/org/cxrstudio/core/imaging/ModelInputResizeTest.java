package org.cxrstudio.core.imaging;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The separable area resize must give the floats of the direct per-pixel definition
 * (overlap-weighted mean, summed in double) up to float rounding: at most 1e-4 on the 0..255
 * scale, far below one grey level; bilinear enlargement is exact.
 */
class ModelInputResizeTest {

    @ParameterizedTest
    @CsvSource({
            "512, 512, 224", "512, 512, 384", "512, 512, 128", "1024, 1024, 320",
            "431, 430, 224", "700, 513, 97", "300, 200, 224", "224, 224, 224",
            "100, 90, 224", "1000, 7, 32", "33, 500, 64", "1841, 1955, 320", "3000, 2500, 224"})
    void matchesDirectDefinition(int w, int h, int size) {
        GrayImage img = noise(w, h, w * 31L + h * 7L + size);
        boolean shrinks = w > size || h > size;
        assertArrayEquals(direct(img, size), ModelInput.resize(img, size), shrinks ? 1e-4f : 0f);
    }

    @Test
    void constantImageStaysConstantAndExtremesStayInRange() {
        byte[] g = new byte[1841 * 1955];
        java.util.Arrays.fill(g, (byte) 200);
        for (float v : ModelInput.resize(new GrayImage(1841, 1955, g), 320)) {
            assertEquals(200f, v, 0f);
        }
        java.util.Arrays.fill(g, (byte) 255);
        for (float v : ModelInput.resize(new GrayImage(1841, 1955, g), 224)) {
            assertEquals(255f, v, 0f);
        }
    }

    private static GrayImage noise(int w, int h, long seed) {
        byte[] g = new byte[w * h];
        new Random(seed).nextBytes(g);
        return new GrayImage(w, h, g);
    }

    /** The definition: area averaging when either side shrinks, else bilinear (pixel centres at +0.5). */
    private static float[] direct(GrayImage img, int size) {
        double sx = (double) img.width() / size;
        double sy = (double) img.height() / size;
        float[] out = new float[size * size];
        for (int oy = 0; oy < size; oy++) {
            for (int ox = 0; ox < size; ox++) {
                out[oy * size + ox] = (sx > 1 || sy > 1)
                        ? area(img, ox * sx, oy * sy, (ox + 1) * sx, (oy + 1) * sy)
                        : bilinear(img, (ox + 0.5) * sx - 0.5, (oy + 0.5) * sy - 0.5);
            }
        }
        return out;
    }

    private static float area(GrayImage img, double x0, double y0, double x1, double y1) {
        double sum = 0;
        double weight = 0;
        for (int y = (int) Math.floor(y0); y < Math.min(img.height(), (int) Math.ceil(y1)); y++) {
            double wy = Math.min(y + 1, y1) - Math.max(y, y0);
            for (int x = (int) Math.floor(x0); x < Math.min(img.width(), (int) Math.ceil(x1)); x++) {
                double wgt = wy * (Math.min(x + 1, x1) - Math.max(x, x0));
                sum += wgt * img.at(x, y);
                weight += wgt;
            }
        }
        return (float) (weight > 0 ? sum / weight : 0);
    }

    private static float bilinear(GrayImage img, double x, double y) {
        x = Math.max(0, Math.min(img.width() - 1, x));
        y = Math.max(0, Math.min(img.height() - 1, y));
        int x0 = (int) x;
        int y0 = (int) y;
        int x1 = Math.min(x0 + 1, img.width() - 1);
        int y1 = Math.min(y0 + 1, img.height() - 1);
        double fx = x - x0;
        double fy = y - y0;
        double top = img.at(x0, y0) * (1 - fx) + img.at(x1, y0) * fx;
        double bottom = img.at(x0, y1) * (1 - fx) + img.at(x1, y1) * fx;
        return (float) (top * (1 - fy) + bottom * fy);
    }
}
