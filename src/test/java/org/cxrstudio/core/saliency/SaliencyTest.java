package org.cxrstudio.core.saliency;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SaliencyTest {

    @Test
    void camNormalisations() {
        Heatmap mm = Heatmaps.fromCam(new float[] {-2, 0, 2, 6}, 2, 2, 20, 20, CamNormalization.MIN_MAX);
        assertThat(mm.values()).containsExactly(0f, 0.25f, 0.5f, 1f);
        assertThat(mm.imageWidth()).isEqualTo(20);
        Heatmap sig = Heatmaps.fromCam(new float[] {0, 100}, 2, 1, 2, 1, CamNormalization.SIGMOID);
        assertThat(sig.values()[0]).isEqualTo(0.5f);
        assertThat(sig.values()[1]).isCloseTo(1f, within(1e-6f));
        assertThat(Heatmaps.fromCam(new float[] {3, 3}, 2, 1, 2, 1, CamNormalization.MIN_MAX).values())
                .containsExactly(0f, 0f);
        assertThatThrownBy(() -> Heatmaps.fromCam(new float[] {Float.NaN}, 1, 1, 2, 2, CamNormalization.MIN_MAX))
                .hasMessageContaining("non-finite");
        assertThatThrownBy(() -> Heatmaps.fromCam(new float[3], 2, 2, 2, 2, CamNormalization.MIN_MAX))
                .hasMessageContaining("not 2x2");
    }

    /** A 64x64 map on a 64x64 image (no interpolation): two blobs and a speck below the minimum area. */
    private static Heatmap blobs() {
        float[] v = new float[64 * 64];
        fill(v, 10, 10, 20, 20, 1.0f);
        fill(v, 40, 30, 50, 40, 0.8f);
        fill(v, 60, 60, 62, 62, 0.9f); // 4 px < 0.5 % of 4096 = 20.5 px
        fill(v, 0, 50, 5, 55, 0.3f); // below 0.5 x max
        return new Heatmap(64, 64, v, 64, 64);
    }

    private static void fill(float[] v, int x1, int y1, int x2, int y2, float value) {
        for (int y = y1; y < y2; y++) {
            for (int x = x1; x < x2; x++) {
                v[y * 64 + x] = value;
            }
        }
    }

    @Test
    void boxesFromComponentsWithScoresAreaAndCount() {
        List<Box> boxes = new BoxExtractor(BoxParams.DEFAULT).extract(blobs(), 0.9, 0.5);
        assertThat(boxes).containsExactly(new Box(10, 10, 20, 20, 1.0), new Box(40, 30, 50, 40, 0.8f));
        assertThat(new BoxExtractor(new BoxParams(0.5, 0.005, 1)).extract(blobs())).hasSize(1);
        assertThat(new BoxExtractor(new BoxParams(0.5, 0, 5)).extract(blobs())).hasSize(3);
        assertThat(new BoxExtractor(new BoxParams(0.25, 0, 5)).extract(blobs())).hasSize(4);
    }

    @Test
    void noBoxesBelowTheOperatingThresholdOrOnAnEmptyMap() {
        assertThat(new BoxExtractor(BoxParams.DEFAULT).extract(blobs(), 0.49, 0.5)).isEmpty();
        assertThat(new BoxExtractor(BoxParams.DEFAULT).extract(new Heatmap(2, 2, new float[4], 64, 64))).isEmpty();
    }

    @Test
    void diagonalNeighboursJoinOneComponent() {
        float[] v = new float[64 * 64];
        fill(v, 10, 10, 15, 15, 1f);
        fill(v, 15, 15, 20, 20, 1f); // touches the first only at a corner
        assertThat(new BoxExtractor(BoxParams.DEFAULT).extract(new Heatmap(64, 64, v, 64, 64)))
                .containsExactly(new Box(10, 10, 20, 20, 1));
    }

    @Test
    void coarseGridUpsampledToImagePixels() {
        float[] v = new float[64];
        v[3 * 8 + 2] = 1f; // cell x=2, y=3 covers x 128..192, y 192..256 of a 512x512 image
        List<Box> boxes = new BoxExtractor(new BoxParams(0.5, 0, 3)).extract(new Heatmap(8, 8, v, 512, 512));
        // bilinear falls to 0.5 exactly half a cell from the centre: the box is the cell
        assertThat(boxes).hasSize(1);
        assertCorners(boxes.get(0), 128, 192, 192, 256);
        assertThat(boxes.get(0).score()).isCloseTo(1, within(0.05)); // peak of the upsampled pixels
    }

    @Test
    void largeImagesUseAReducedRasterAndReturnImagePixels() {
        float[] v = new float[8];
        v[1] = 1f; // cell (1, 0) of a 4x2 grid on 2048x1024 covers x 512..1024, y 0..512
        List<Box> boxes = new BoxExtractor(new BoxParams(0.5, 0, 3)).extract(new Heatmap(4, 2, v, 2048, 1024));
        assertThat(boxes).hasSize(1);
        assertCorners(boxes.get(0), 512, 0, 1024, 512);
        assertThat(boxes.get(0).score()).isCloseTo(1, within(0.05));
    }

    private static void assertCorners(Box b, double x1, double y1, double x2, double y2) {
        assertThat(new double[] {b.x1(), b.y1(), b.x2(), b.y2()}).containsExactly(x1, y1, x2, y2);
    }

    @Test
    void fastUpsamplingMatchesHeatmapAtImage() {
        float[] g = new float[7 * 5];
        for (int i = 0; i < g.length; i++) {
            g[i] = (float) Math.abs(Math.sin(i * 0.7));
        }
        Heatmap hm = new Heatmap(7, 5, g, 300, 200);
        float[] up = BoxExtractor.upsample(hm, 300, 200, 1.0);
        for (int y = 0; y < 200; y += 7) {
            for (int x = 0; x < 300; x += 3) {
                assertThat(up[y * 300 + x]).isEqualTo(hm.atImage(x, y));
            }
        }
    }

    @Test
    void rowCachedUpsamplingMatchesPerPixelBilinearOnAScaledRaster() {
        float[] g = new float[24 * 17];
        for (int i = 0; i < g.length; i++) {
            g[i] = (float) Math.abs(Math.cos(i * 1.3));
        }
        Heatmap hm = new Heatmap(24, 17, g, 1024, 700);
        double scale = 256.0 / 1024;
        int w = 256;
        int h = (int) Math.round(700 * scale);
        float[] up = BoxExtractor.upsample(hm, w, h, scale);
        for (int y = 0; y < h; y++) {
            double gy = Math.max(0, Math.min(16, ((y + 0.5) / scale) * 17 / 700 - 0.5));
            int y0 = (int) gy;
            int y1 = Math.min(y0 + 1, 16);
            for (int x = 0; x < w; x++) {
                double gx = Math.max(0, Math.min(23, ((x + 0.5) / scale) * 24 / 1024 - 0.5));
                int x0 = (int) gx;
                int x1 = Math.min(x0 + 1, 23);
                double fx = gx - x0;
                double top = hm.at(x0, y0) * (1 - fx) + hm.at(x1, y0) * fx;
                double bottom = hm.at(x0, y1) * (1 - fx) + hm.at(x1, y1) * fx;
                assertThat(up[y * w + x]).isEqualTo((float) (top * (1 - (gy - y0)) + bottom * (gy - y0)));
            }
        }
    }

    @Test
    void runLabellingFindsTheSameComponentsInTheSameOrderAsAFloodFill() {
        java.util.Random rnd = new java.util.Random(7);
        // a smooth map with hot cells on the raster's edges, and pixel noise (many tiny, diagonal and U-shaped components)
        for (int[] grid : new int[][] {{9, 6}, {256, 160}, {64, 40}}) {
            float[] g = new float[grid[0] * grid[1]];
            for (int i = 0; i < g.length; i++) {
                g[i] = rnd.nextFloat();
            }
            Heatmap hm = new Heatmap(grid[0], grid[1], g, 256, 160); // raster = image (scale 1)
            float[] v = BoxExtractor.upsample(hm, 256, 160, 1.0);
            float max = 0;
            for (float x : v) {
                max = Math.max(max, x);
            }
            for (double t : List.of(0.3, 0.6, 0.9, 0.999)) {
                List<BoxExtractor.Region> got = BoxExtractor.regions(hm, List.of(t)).get(0);
                List<String> expected = referenceComponents(v, 256, 160, (float) (t * max));
                assertThat(got.stream().map(r -> r.box().x1() + "," + r.box().y1() + "," + r.box().x2() + ","
                        + r.box().y2() + ":" + r.area() + ":" + r.box().score()).toList())
                        .as("grid %dx%d, threshold %s", grid[0], grid[1], t)
                        .containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void nanCellsAreNotHotAndDoNotStopTheLabelling() {
        float[] g = {0.2f, Float.NaN, 0.9f, Float.NaN, 0.8f, 0.1f};
        List<Box> boxes = new BoxExtractor(new BoxParams(0.5, 0, 5)).extract(new Heatmap(3, 2, g, 3, 2));
        // bilinear sampling spreads a NaN to the pixels that weigh it (even by 0); the finite 0.9 and 0.8 left
        // are diagonal neighbours, so one box
        assertThat(boxes).extracting(Box::x1, Box::y1, Box::x2, Box::y2)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1.0, 0.0, 3.0, 2.0));
    }

    /** Bounding box, pixel count and peak of each 8-connected component of {@code v >= cut}, by a breadth-first flood fill. */
    private static List<String> referenceComponents(float[] v, int w, int h, float cut) {
        boolean[] seen = new boolean[w * h];
        List<String> out = new java.util.ArrayList<>();
        List<Float> peaks = new java.util.ArrayList<>();
        for (int s = 0; s < v.length; s++) {
            if (seen[s] || v[s] < cut) {
                continue;
            }
            java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>(List.of(s));
            seen[s] = true;
            int minX = w, minY = h, maxX = -1, maxY = -1, area = 0;
            float peak = 0;
            while (!queue.isEmpty()) {
                int p = queue.poll();
                int x = p % w;
                int y = p / w;
                area++;
                peak = Math.max(peak, v[p]);
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx;
                        int ny = y + dy;
                        if (nx >= 0 && ny >= 0 && nx < w && ny < h && !seen[ny * w + nx] && v[ny * w + nx] >= cut) {
                            seen[ny * w + nx] = true;
                            queue.add(ny * w + nx);
                        }
                    }
                }
            }
            peaks.add(Math.min(1f, peak));
            out.add((double) minX + "," + (double) minY + "," + (double) (maxX + 1) + "," + (double) (maxY + 1)
                    + ":" + area + ":" + (double) Math.min(1f, peak));
        }
        // highest peak first; ties keep the raster order of their first pixel (a stable sort)
        List<Integer> order = new java.util.ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Float.compare(peaks.get(b), peaks.get(a)));
        return order.stream().map(out::get).toList();
    }
}
