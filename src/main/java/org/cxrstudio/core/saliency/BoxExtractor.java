package org.cxrstudio.core.saliency;

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
            max = Math.max(max, val);
        }
        // labels on a raster with a one-pixel frame that is never hot: neighbours need no bounds checks
        int[] label = new int[(w + 2) * (h + 2)];
        int[] stack = new int[w * h];
        List<List<Region>> out = new ArrayList<>(relativeThresholds.size());
        for (double t : relativeThresholds) {
            if (max <= 0) {
                out.add(List.of());
                continue;
            }
            out.add(label(v, w, h, (float) (t * max), scale, iw, ih, label, stack));
        }
        return out;
    }

    /**
     * 8-connected components of {@code v >= cut}, found in raster order, highest peak first (ties
     * in raster order of their first pixel); {@code label} is the framed raster, overwritten.
     */
    private static List<Region> label(float[] v, int w, int h, float cut, double scale, int iw, int ih,
                                      int[] label, int[] stack) {
        int fw = w + 2;
        Arrays.fill(label, -1); // -1: not hot (or frame), 0: hot and unlabelled, > 0: component
        for (int y = 0; y < h; y++) {
            int at = y * w;
            int fat = (y + 1) * fw + 1;
            for (int x = 0; x < w; x++) {
                if (v[at + x] >= cut) {
                    label[fat + x] = 0;
                }
            }
        }
        List<Region> regions = new ArrayList<>();
        int next = 0;
        for (int sy = 0; sy < h; sy++) {
            for (int sx = 0; sx < w; sx++) {
                int start = (sy + 1) * fw + sx + 1;
                if (label[start] != 0) {
                    continue;
                }
                next++;
                int top = 0;
                stack[top++] = start;
                label[start] = next;
                int minX = w;
                int minY = h;
                int maxX = -1;
                int maxY = -1;
                int area = 0;
                float peak = 0;
                while (top > 0) {
                    int q = stack[--top];
                    int py = q / fw - 1;
                    int px = q - (py + 1) * fw - 1;
                    area++;
                    peak = Math.max(peak, v[py * w + px]);
                    minX = Math.min(minX, px);
                    maxX = Math.max(maxX, px);
                    minY = Math.min(minY, py);
                    maxY = Math.max(maxY, py);
                    top = visit(label, q - fw - 1, next, stack, top);
                    top = visit(label, q - fw, next, stack, top);
                    top = visit(label, q - fw + 1, next, stack, top);
                    top = visit(label, q - 1, next, stack, top);
                    top = visit(label, q + 1, next, stack, top);
                    top = visit(label, q + fw - 1, next, stack, top);
                    top = visit(label, q + fw, next, stack, top);
                    top = visit(label, q + fw + 1, next, stack, top);
                }
                regions.add(new Region(new Box(Math.min(iw, minX / scale), Math.min(ih, minY / scale),
                        Math.min(iw, (maxX + 1) / scale), Math.min(ih, (maxY + 1) / scale), Math.min(1f, peak)),
                        area, w * h));
            }
        }
        regions.sort(Comparator.comparingDouble((Region r) -> r.box().score()).reversed());
        return List.copyOf(regions);
    }

    private static int visit(int[] label, int q, int component, int[] stack, int top) {
        if (label[q] == 0) {
            label[q] = component;
            stack[top++] = q;
        }
        return top;
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
     * rather than once per raster row (this runs on every prediction).
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
        double[][] rows = new double[gh][]; // grid row r interpolated at every raster column, filled on first use
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            double gy = Math.max(0, Math.min(gh - 1, ((y + 0.5) / scale) * gh / hm.imageHeight() - 0.5));
            double[] top = row(rows, (int) gy, g, gw, x0, x1, fx);
            double[] bottom = row(rows, Math.min((int) gy + 1, gh - 1), g, gw, x0, x1, fx);
            double fy = gy - (int) gy;
            for (int x = 0; x < w; x++) {
                out[y * w + x] = (float) (top[x] * (1 - fy) + bottom[x] * fy);
            }
        }
        return out;
    }

    private static double[] row(double[][] rows, int r, float[] g, int gw, int[] x0, int[] x1, double[] fx) {
        if (rows[r] == null) {
            double[] v = new double[x0.length];
            int at = r * gw;
            for (int x = 0; x < v.length; x++) {
                v[x] = g[at + x0[x]] * (1 - fx[x]) + g[at + x1[x]] * fx[x];
            }
            rows[r] = v;
        }
        return rows[r];
    }
}
