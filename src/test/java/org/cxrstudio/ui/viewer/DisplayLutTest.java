package org.cxrstudio.ui.viewer;

import org.cxrstudio.core.imaging.DisplayPipeline;
import org.cxrstudio.core.imaging.GrayImage;
import org.cxrstudio.core.imaging.Photometric;
import org.cxrstudio.core.imaging.Radiograph;
import org.cxrstudio.core.imaging.WindowLevel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DisplayLutTest {

    /** The fast viewer path must show exactly what the shared display pipeline (and so the model) sees. */
    @ParameterizedTest
    @CsvSource({
            "8,  MONOCHROME2, 1,    0,    128,  256,  false",
            "8,  MONOCHROME2, 1,    0,    100,  40,   true",
            "12, MONOCHROME1, 1,    0,    2000, 1500, false",
            "15, MONOCHROME1, 1,    0,    9000, 30000, true",
            "16, MONOCHROME2, 0.5, -1024, 3000, 1,    false",
            "12, MONOCHROME2, 2,    -50,  4000, 7000, false"})
    void matchesDisplayPipeline(int bits, Photometric ph, double slope, double intercept, double c, double w, boolean invert) {
        Radiograph r = TestImages.ramp(97, 61, bits, ph, slope, intercept);
        WindowLevel window = new WindowLevel(c, w);
        GrayImage expected = DisplayPipeline.render(r, window, invert);
        DisplayLut lut = DisplayLut.build(r, PixelRange.of(r), window, invert);
        int[] out = new int[r.pixels().length];
        lut.apply(r.pixels(), out);
        for (int i = 0; i < out.length; i++) {
            assertThat(out[i] >>> 24).isEqualTo(0xFF);
            int g = out[i] & 0xFF;
            assertThat(g).as("pixel %d", i).isEqualTo(expected.gray()[i] & 0xFF);
            assertThat((out[i] >> 8) & 0xFF).isEqualTo(g);
            assertThat((out[i] >> 16) & 0xFF).isEqualTo(g);
        }
    }

    @Test
    void windowEdgesFollowDicomLinearFunction() {
        Radiograph r = TestImages.ramp(16, 16, 8, Photometric.MONOCHROME2, 1, 0);
        DisplayLut lut = DisplayLut.build(r, new PixelRange(0, 255), new WindowLevel(100, 50), false);
        // below c - 0.5 - (w-1)/2 = 75 -> black, above c - 0.5 + (w-1)/2 = 124 -> white
        assertThat(lut.gray(75)).isZero();
        assertThat(lut.gray(125)).isEqualTo(255);
        assertThat(lut.gray(100)).isEqualTo(130); // ((100-99.5)/49 + 0.5) * 255 = 130.1
        DisplayLut inv = DisplayLut.build(r, new PixelRange(0, 255), new WindowLevel(100, 50), true);
        assertThat(inv.gray(100)).isEqualTo(255 - 130);
    }

    @Test
    void outOfRangeValuesClamp() {
        Radiograph r = TestImages.ramp(8, 8, 8, Photometric.MONOCHROME2, 1, 0);
        DisplayLut lut = DisplayLut.build(r, new PixelRange(10, 20), new WindowLevel(15, 10), false);
        assertThat(lut.gray(-5)).isEqualTo(lut.gray(10));
        assertThat(lut.gray(1000)).isEqualTo(lut.gray(20));
    }

    @Test
    void fullWindowIsIdentityFor8Bit() {
        Radiograph r = TestImages.ramp(8, 8, 8, Photometric.MONOCHROME2, 1, 0);
        PixelRange range = new PixelRange(0, 255);
        DisplayLut lut = DisplayLut.build(r, range, range.fullWindow(r), false);
        for (int v = 0; v < 256; v++) {
            assertThat(lut.gray(v)).isEqualTo(v);
        }
    }
}
