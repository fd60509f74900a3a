package org.cxrstudio.core.saliency;

import org.cxrstudio.core.imaging.SplitWork;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Boxes from a heatmap: upsample to image pixels, keep pixels at or above
 * {@link BoxParams#relativeThreshold()} × the map maximum, group them into 8-connected
 * components, and give each component its bounding box, scored by the peak heatmap value inside
 * it. Components below the minimum area are dropped; the {@code maxBoxes} highest-scoring are
 * kept. Large images are processed on a raster of at most {@value #MAX_RASTER_SIDE} pixels on
 * the long side (box edges then snap to that raster: within {@code side/256} image pixels, 2 px on a 512×512 image; CAM grids are 16–32 cells, so this loses nothing and keeps post-processing near 1 ms).
 * Stateless and thread-safe.
 */
public final class BoxExtractor {
    /** Long side of the working raster, pixels. */
    public static final int MAX_RASTER_SIDE = 256;

    private final BoxParams params;

    public BoxExtractor(BoxParams params) {
        this.params = params;
    }

    public BoxParams params() {
        return params;
    }

    /**
     * Boxes only for a positive image: empty when {@code imageScore < operatingThreshold}.
     *
     * @return boxes in image pixels, highest score first
     */
    public List<Box> extract(Heatmap heatmap, double imageScore, double operatingThreshold) {
        return imageScore >= operatingThreshold ? extract(heatmap) : List.of();
    }

    /** Boxes regardless of the image score, in image pixels, highest score first. */
    public List<Box> extract(Heatmap heatmap) {
        return select(regions(heatmap), params.minAreaFraction(), params.maxBoxes());
    }

    /**
     * A connected hot region before the area and count filters.
     *
     * @param box          its bounding box in image pixels, scored by its peak value
     * @param area         its size in working-raster pixels
     * @param rasterPixels pixels of the whole working raster
     */
    public record Region(Box box, int area, int rasterPixels) { }

    /**
     * Every connected region at {@link BoxParams#relativeThreshold()}, highest score first, without
     * the area and count filters; {@link #select} applies them. Lets a calibration sweep try many
     * filters on one labelling: {@code extract(h) == select(regions(h), minArea, maxBoxes)}.
     */
    public List<Region> regions(Heatmap heatmap) {
        return regions(heatmap, List.of(params.relativeThreshold())).get(0);
    }

    /**
     * {@link #regions(Heatmap)} at each of several relative thresholds ({@code (0, 1]}), upsampling
     * the heatmap once; element {@code i} is what an extractor with threshold {@code i} returns.
     */
    public static List<List<Region>> regions(Heatmap heatmap, List<Double> relativeThresholds) {
        int iw = heatmap.imageWidth();
        int ih = heatmap.imageHeight();
        double scale = Math.min(1.0, (double) MAX_RASTER_SIDE / Math.max(iw, ih));
        int w = Math.max(1, (int) Math.round(iw * scale));
        int h = Math.max(1, (int) Math.round(ih * scale));
        float[] v = upsample(heatmap, w, h, scale);
        float max = 0;
        for (float val : v) {
            if (val > max) { // skips NaN
                max = val;
            }
        }
        List<List<Region>> out = new ArrayList<>(relativeThresholds.size());
        for (double t : relativeThresholds) {
            if (max <= 0) {
                out.add(List.of());
                continue;
            }
            out.add(label(v, w, h, (float) (t * max), scale, iw, ih));
        }
        return out;
    }

    /**
     * 8-connected components of {@code v >= cut}, highest peak first (ties in raster order of
     * their first pixel). Works on runs: each raster row is scanned once into runs of hot pixels
     * (with each run's peak), runs of neighbouring rows that touch (8-connectivity: their column
     * ranges overlap or meet diagonally) are joined in a union-find whose root is always the
     * earliest run, and each component's box, area and peak are gathered from its runs. The same
     * components as a pixel flood fill ({@code SaliencyTest}), in a fraction of the time.
     */
    private static List<Region> label(float[] v, int w, int h, float cut, double scale, int iw, int ih) {
        Runs runs = new Runs(Math.max(16, w));
        int[] rowStart = new int[h + 1];
        for (int y = 0; y < h; y++) {
            rowStart[y] = runs.n;
            int at = y * w;
            int x = 0;
            while (x < w) {
                if (!(v[at + x] >= cut)) { // NaN is not hot either
                    x++;
                    continue;
                }
                int x0 = x;
                float peak = 0;
                for (; x < w && v[at + x] >= cut; x++) {
                    peak = Math.max(peak, v[at + x]);
                }
                runs.add(x0, x - 1, y, peak);
            }
        }
        rowStart[h] = runs.n;
        int n = runs.n;
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int y = 1; y < h; y++) {
            int i = rowStart[y - 1];
            int j = rowStart[y];
            while (i < rowStart[y] && j < rowStart[y + 1]) {
                if (runs.x0[i] <= runs.x1[j] + 1 && runs.x0[j] <= runs.x1[i] + 1) {
                    union(parent, i, j);
                }
                if (runs.x1[i] < runs.x1[j]) {
                    i++;
                } else {
                    j++;
                }
            }
        }
        // one component per root, numbered in the order of their earliest run (= first pixel in raster order)
        int[] comp = new int[n];
        int components = 0;
        for (int i = 0; i < n; i++) {
            int root = find(parent, i);
            comp[i] = root == i ? components++ : comp[root];
        }
        int[] minX = new int[components];
        int[] maxX = new int[components];
        int[] minY = new int[components];
        int[] maxY = new int[components];
        int[] area = new int[components];
        float[] peak = new float[components];
        Arrays.fill(minX, Integer.MAX_VALUE);
        Arrays.fill(minY, Integer.MAX_VALUE);
        Arrays.fill(maxX, -1);
        Arrays.fill(maxY, -1);
        for (int i = 0; i < n; i++) {
            int c = comp[i];
            minX[c] = Math.min(minX[c], runs.x0[i]);
            maxX[c] = Math.max(maxX[c], runs.x1[i]);
            minY[c] = Math.min(minY[c], runs.y[i]);
            maxY[c] = Math.max(maxY[c], runs.y[i]);
            area[c] += runs.x1[i] - runs.x0[i] + 1;
            peak[c] = Math.max(peak[c], runs.peak[i]);
        }
        List<Region> regions = new ArrayList<>(components);
        for (int c = 0; c < components; c++) {
            regions.add(new Region(new Box(Math.min(iw, minX[c] / scale), Math.min(ih, minY[c] / scale),
                    Math.min(iw, (maxX[c] + 1) / scale), Math.min(ih, (maxY[c] + 1) / scale), Math.min(1f, peak[c])),
                    area[c], w * h));
        }
        regions.sort(Comparator.comparingDouble((Region r) -> r.box().score()).reversed());
        return List.copyOf(regions);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Joins the sets of runs {@code a} and {@code b}; the root stays the smaller (earlier) run. */
    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra < rb) {
            parent[rb] = ra;
        } else if (rb < ra) {
            parent[ra] = rb;
        }
    }

    /** Runs of hot pixels in raster order: columns {@code x0..x1} (inclusive) of row {@code y}. */
    private static final class Runs {
        int n;
        int[] x0;
        int[] x1;
        int[] y;
        float[] peak;

        Runs(int capacity) {
            x0 = new int[capacity];
            x1 = new int[capacity];
            y = new int[capacity];
            peak = new float[capacity];
        }

        void add(int from, int to, int row, float max) {
            if (n == x0.length) {
                int cap = 2 * n;
                x0 = Arrays.copyOf(x0, cap);
                x1 = Arrays.copyOf(x1, cap);
                y = Arrays.copyOf(y, cap);
                peak = Arrays.copyOf(peak, cap);
            }
            x0[n] = from;
            x1[n] = to;
            y[n] = row;
            peak[n] = max;
            n++;
        }
    }

    /**
     * The boxes of the regions covering at least {@code minAreaFraction} of the raster, at most
     * {@code maxBoxes} of them, in the given (score) order.
     */
    public static List<Box> select(List<Region> regions, double minAreaFraction, int maxBoxes) {
        List<Box> out = new ArrayList<>(Math.min(maxBoxes, regions.size()));
        for (Region r : regions) {
            if (out.size() >= maxBoxes) {
                break;
            }
            if (r.area() >= minAreaFraction * r.rasterPixels()) {
                out.add(r.box());
            }
        }
        return List.copyOf(out);
    }

    /**
     * The same values as {@link Heatmap#atImage} at each raster pixel centre, with the separable
     * bilinear weights computed once per column and row, and each grid row interpolated along
     * {@code x} once (as the very doubles {@code atImage} computes for its top and bottom rows)
     * rather than once per raster row; the raster rows are split over two cores (this runs on
     * every prediction).
     */
    static float[] upsample(Heatmap hm, int w, int h, double scale) {
        int gw = hm.width();
        int gh = hm.height();
        int[] x0 = new int[w];
        int[] x1 = new int[w];
        double[] fx = new double[w];
        for (int x = 0; x < w; x++) {
            double gx = Math.max(0, Math.min(gw - 1, ((x + 0.5) / scale) * gw / hm.imageWidth() - 0.5));
            x0[x] = (int) gx;
            x1[x] = Math.min(x0[x] + 1, gw - 1);
            fx[x] = gx - x0[x];
        }
        float[] g = hm.values();
        double[][] rows = new double[gh][]; // grid row r interpolated at every raster column
        for (int r = 0; r < gh; r++) {
            double[] v = new double[w];
            int at = r * gw;
            for (int x = 0; x < w; x++) {
                v[x] = g[at + x0[x]] * (1 - fx[x]) + g[at + x1[x]] * fx[x];
            }
            rows[r] = v;
        }
        float[] out = new float[w * h];
        SplitWork.rows(h, w, (from, to) -> {
            for (int y = from; y < to; y++) {
                double gy = Math.max(0, Math.min(gh - 1, ((y + 0.5) / scale) * gh / hm.imageHeight() - 0.5));
                double[] top = rows[(int) gy];
                double[] bottom = rows[Math.min((int) gy + 1, gh - 1)];
                double fy = gy - (int) gy;
                for (int x = 0; x < w; x++) {
                    out[y * w + x] = (float) (top[x] * (1 - fy) + bottom[x] * fy);
                }
            }
        });
        return out;
    }
}
