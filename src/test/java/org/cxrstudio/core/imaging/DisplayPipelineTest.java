package org.cxrstudio.core.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DisplayPipelineTest {

    static Radiograph gray(int[] px, int cols, int bits, Photometric p, double slope, double intercept,
                           List<WindowLevel> windows, Optional<Radiograph.VoiLut> lut) {
        return new Radiograph(cols, px.length / cols, px, bits <= 8 ? 8 : 16, bits, false, p, slope, intercept,
                windows, lut, Optional.empty(), "", "test", Map.of(), Map.of());
    }

    @Test
    void identityWindowOn8BitKeepsValues() {
        int[] px = new int[256];
        for (int i = 0; i < 256; i++) {
            px[i] = i;
        }
        Radiograph r = gray(px, 16, 8, Photometric.MONOCHROME2, 1, 0, List.of(new WindowLevel(128, 256)), Optional.empty());
        GrayImage g = DisplayPipeline.render(r, null, false);
        for (int i = 0; i < 256; i++) {
            assertThat(g.gray()[i] & 0xFF).isEqualTo(i);
        }
    }

    @Test
    void windowFollowsDicomLinearFunction() {
        // PS3.3 C.11.2.1.2.1 with C=2048 W=4096: x <= c-0.5-(w-1)/2 -> 0, x > c-0.5+(w-1)/2 -> 255
        WindowLevel w = new WindowLevel(2048, 4096);
        assertThat(DisplayPipeline.applyWindow(w, 0)).isEqualTo(0);
        assertThat(DisplayPipeline.applyWindow(w, 4096)).isEqualTo(255);
        assertThat(DisplayPipeline.applyWindow(w, 2048)).isEqualTo(128); // ((0.5/4095)+0.5)*255 = 127.53
        assertThat(DisplayPipeline.applyWindow(new WindowLevel(100, 1), 99)).isEqualTo(0);
        assertThat(DisplayPipeline.applyWindow(new WindowLevel(100, 1), 100)).isEqualTo(255);
    }

    @Test
    void rescaleAppliesBeforeWindow() {
        int[] px = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
        // modality = 10*stored - 1000; window over modality -1000..-850 maps stored 0..15 to 0..255
        Radiograph r = gray(px, 4, 12, Photometric.MONOCHROME2, 10, -1000, List.of(), Optional.empty());
        GrayImage g = DisplayPipeline.render(r, new WindowLevel(-1000 + 75, 150), false);
        assertThat(g.gray()[0] & 0xFF).isEqualTo(0);
        assertThat(g.gray()[15] & 0xFF).isEqualTo(255);
        assertThat(g.gray()[8] & 0xFF).isBetween(130, 140);
    }

    @Test
    void monochrome1IsInverseOfMonochrome2AndUserInvertFlipsBack() {
        int[] px = new int[64];
        for (int i = 0; i < px.length; i++) {
            px[i] = i * 64;
        }
        Radiograph m2 = gray(px, 8, 12, Photometric.MONOCHROME2, 1, 0, List.of(), Optional.empty());
        Radiograph m1 = gray(px, 8, 12, Photometric.MONOCHROME1, 1, 0, List.of(), Optional.empty());
        GrayImage a = DisplayPipeline.render(m2, null, false);
        GrayImage b = DisplayPipeline.render(m1, null, false);
        GrayImage c = DisplayPipeline.render(m1, null, true);
        for (int i = 0; i < px.length; i++) {
            assertThat(b.gray()[i] & 0xFF).isEqualTo(255 - (a.gray()[i] & 0xFF));
            assertThat(c.gray()[i]).isEqualTo(a.gray()[i]);
        }
        assertThat(a.gray()[0] & 0xFF).isEqualTo(0);
        assertThat(a.gray()[63] & 0xFF).isEqualTo(255);
    }

    @Test
    void voiLutUsedWhenNoWindowStoredAndClampsOutside() {
        int[] px = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
        int[] table = {0, 1023, 4095}; // maps modality 5,6,7; 12-bit entries
        Radiograph r = gray(px, 4, 8, Photometric.MONOCHROME2, 1, 0, List.of(),
                Optional.of(new Radiograph.VoiLut(5, 12, table)));
        GrayImage g = DisplayPipeline.render(r, null, false);
        assertThat(g.gray()[0] & 0xFF).isEqualTo(0);
        assertThat(g.gray()[6] & 0xFF).isEqualTo(64); // 1023*255/4095 = 63.7
        assertThat(g.gray()[7] & 0xFF).isEqualTo(255);
        assertThat(g.gray()[15] & 0xFF).isEqualTo(255);
        // an explicit window overrides the LUT
        GrayImage w = DisplayPipeline.render(r, new WindowLevel(8, 16), false);
        assertThat(w.gray()[6] & 0xFF).isNotEqualTo(64);
    }

    @Test
    void defaultWindowIgnoresOutliers() {
        int[] px = new int[10_000];
        for (int i = 0; i < px.length; i++) {
            px[i] = 1000 + (i % 1000);
        }
        px[0] = 0;      // collimator blank
        px[1] = 65535;  // burnt-in label
        Radiograph r = gray(px, 100, 16, Photometric.MONOCHROME2, 1, 0, List.of(), Optional.empty());
        WindowLevel w = DisplayPipeline.defaultWindow(r);
        assertThat(w.center() - w.width() / 2).isBetween(995.0, 1010.0);
        assertThat(w.center() + w.width() / 2).isBetween(1985.0, 2000.0);
    }

    @Test
    void rendersLarge16BitQuickly() {
        int[] px = new int[2048 * 2048];
        for (int i = 0; i < px.length; i++) {
            px[i] = (i * 31) & 0xFFFF;
        }
        Radiograph r = gray(px, 2048, 16, Photometric.MONOCHROME1, 1, 0, List.of(), Optional.empty());
        DisplayPipeline.render(r, null, false); // warm-up
        long t0 = System.nanoTime();
        DisplayPipeline.render(r, null, false);
        assertThat((System.nanoTime() - t0) / 1e6).isLessThan(1000);
    }

    @Test
    void wholeRangeTableAndMinMaxTableRenderEveryPixelByTheDefinition() {
        java.util.Random rnd = new java.util.Random(5);
        // 8-bit unsigned (declared-range table), 12-bit signed MONOCHROME1 with a rescale (declared-range
        // table), and an 8-bit image whose reader broke the contract with a value of 300 (min/max table)
        int[] u8 = new int[128 * 128];
        for (int i = 0; i < u8.length; i++) {
            u8[i] = rnd.nextInt(256);
        }
        int[] s12 = new int[256 * 256];
        for (int i = 0; i < s12.length; i++) {
            s12[i] = rnd.nextInt(4096) - 2048;
        }
        int[] broken = u8.clone();
        broken[777] = 300;
        WindowLevel w8 = new WindowLevel(100, 120);
        WindowLevel w12 = new WindowLevel(-200, 1500);
        Radiograph a = gray(u8, 128, 8, Photometric.MONOCHROME2, 1, 0, List.of(w8), Optional.empty());
        Radiograph b = new Radiograph(256, 256, s12, 16, 12, true, Photometric.MONOCHROME1, 0.5, -100, List.of(w12),
                Optional.empty(), Optional.empty(), "", "test", Map.of(), Map.of());
        Radiograph c = gray(broken, 128, 8, Photometric.MONOCHROME2, 1, 0, List.of(w8), Optional.empty());
        for (Radiograph r : List.of(a, b, c)) {
            for (boolean invert : new boolean[] {false, true}) {
                GrayImage g = DisplayPipeline.render(r, null, invert);
                boolean flip = (r.photometric() == Photometric.MONOCHROME1) ^ invert;
                WindowLevel w = r.windows().get(0);
                for (int i = 0; i < r.pixels().length; i++) {
                    int v = DisplayPipeline.applyWindow(w, DisplayPipeline.modality(r, r.pixels()[i]));
                    assertThat(g.gray()[i] & 0xFF).as("pixel %d of a %d-bit image", i, r.bitsStored()).isEqualTo(flip ? 255 - v : v);
                }
            }
        }
    }
}
