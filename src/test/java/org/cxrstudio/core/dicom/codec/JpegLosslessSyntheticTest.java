package org.cxrstudio.core.dicom.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Round trips through {@link TestLosslessEncoder}: features dcmtk's encoder cannot produce. */
class JpegLosslessSyntheticTest {

    private static int[] image(int width, int height, int precision, long seed) {
        Random r = new Random(seed);
        int max = (1 << precision) - 1;
        int[] p = new int[width * height];
        for (int i = 0; i < p.length; i++) {
            // smooth ramp plus noise plus the occasional extreme, to hit every category
            int v = (i % width) * max / width + r.nextInt(1 + max / 8) - max / 16;
            p[i] = r.nextInt(50) == 0 ? (r.nextBoolean() ? 0 : max) : Math.max(0, Math.min(max, v));
        }
        return p;
    }

    @ParameterizedTest(name = "P={0} sv={1} restart={2}")
    @CsvSource({"2,1,0", "8,7,0", "12,4,37", "16,5,0", "16,6,37", "16,1,74", "16,7,11", "2,3,5", "16,2,1"})
    void grayRoundTrips(int precision, int predictor, int restart) throws Exception {
        int w = 37;
        int h = 23;
        int[] original = image(w, h, precision, precision * 31L + predictor);
        byte[] jpeg = TestLosslessEncoder.encode(new int[][] {original}, w, h, precision, predictor, restart);
        FrameInfo info = new FrameInfo(h, w, 1, precision > 8 ? 16 : 8, precision, false, "MONOCHROME2", 0);
        assertThat(new JpegLosslessDecoder().decode(jpeg, info)).containsExactly(original);
    }

    @Test
    void threeInterleavedComponentsGiveRgbOrFirstComponent() throws Exception {
        int w = 16;
        int h = 9;
        int[][] planes = {image(w, h, 8, 1), image(w, h, 8, 2), image(w, h, 8, 3)};
        byte[] jpeg = TestLosslessEncoder.encode(planes, w, h, 8, 1, w * 2);
        int[] rgb = new JpegLosslessDecoder().decode(jpeg, new FrameInfo(h, w, 3, 8, 8, false, "RGB", 0));
        for (int i = 0; i < w * h; i++) {
            assertThat(new int[] {rgb[3 * i], rgb[3 * i + 1], rgb[3 * i + 2]})
                    .containsExactly(planes[0][i], planes[1][i], planes[2][i]);
        }
        int[] gray = new JpegLosslessDecoder().decode(jpeg, new FrameInfo(h, w, 1, 8, 8, false, "MONOCHROME2", 0));
        assertThat(gray).containsExactly(planes[0]);
    }

    @Test
    void missingRestartMarkerIsAClearError() throws Exception {
        int w = 8;
        int h = 4;
        byte[] jpeg = TestLosslessEncoder.encode(new int[][] {image(w, h, 8, 5)}, w, h, 8, 1, w);
        // turn the first RST0 into an APP0-looking byte pair so the marker is no longer a restart
        for (int i = 0; i < jpeg.length - 1; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xD0) {
                jpeg[i + 1] = (byte) 0xE0;
                break;
            }
        }
        assertThatThrownBy(() -> new JpegLosslessDecoder().decode(jpeg,
                new FrameInfo(h, w, 1, 8, 8, false, "MONOCHROME2", 0)))
                .isInstanceOf(CodecException.class).hasMessageContaining("expected a restart marker");
    }
}
