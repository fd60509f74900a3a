package org.cxrstudio.core.imaging;

import java.util.Arrays;

/**
 * Turns a displayed 8-bit image into a model input plane: crop ({@link Preprocessing#cropRegion}),
 * resize to the square input size (area averaging when shrinking, bilinear when enlarging; the
 * aspect ratio is not kept, as in training), then normalise. Training caches the output of
 * {@link #cropAndResize} and normalises it the same way, so both paths share this code.
 * Pure function, thread-safe.
 */
public final class ModelInput {
    private ModelInput() { }

    /**
     * @return {@code size*size} floats, row-major, one channel
     */
    public static float[] prepare(GrayImage image, Preprocessing p) {
        float[] plane = cropAndResize(image, p);
        normalize(plane, p);
        return plane;
    }

    /** Crops as {@code p} says and resizes to {@code p.inputSize()}; values stay in {@code 0..255}. */
    public static float[] cropAndResize(GrayImage image, Preprocessing p) {
        return resize(p.cropRegion(image.width(), image.height()).apply(image), p.inputSize());
    }

    /** Resizes to {@code size x size}, values stay in {@code 0..255}. */
    public static float[] resize(GrayImage image, int size) {
        int w = image.width();
        int h = image.height();
        double sx = (double) w / size;
        double sy = (double) h / size;
        if (sx > 1 || sy > 1) {
            return area(image, AreaAxis.of(w, size), AreaAxis.of(h, size), size);
        }
        float[] src = new float[w * h]; // enlarging: the source is no larger than the output
        byte[] g = image.gray();
        for (int i = 0; i < src.length; i++) {
            src[i] = g[i] & 0xFF;
        }
        float[] out = new float[size * size];
        for (int oy = 0; oy < size; oy++) {
            for (int ox = 0; ox < size; ox++) {
                out[oy * size + ox] = Bilinear.sample(src, w, h, (ox + 0.5) * sx - 0.5, (oy + 0.5) * sy - 0.5);
            }
        }
        return out;
    }

    /**
     * Area averaging, separably: each output pixel is the overlap-weighted mean of the source
     * pixels its footprint touches, i.e. {@code sum_j wy_j * sum_i wx_i * g(x0+i, y0+j)} with each
     * axis' overlaps normalised to sum to 1. For each output row the source rows under it are
     * first combined along {@code y} (passes over whole rows with independent columns, two source
     * rows per pass), then that row is averaged along {@code x} (two taps per pass, again with
     * independent outputs in the inner loop), so no pass waits on a running sum. Each sum is added
     * up in tap order from 0, whatever the pairing. Equal to the direct per-pixel definition up to
     * rounding, and a constant region stays exactly constant ({@code ModelInputResizeTest}). This
     * runs on every prediction, so the output rows are split over two cores ({@link SplitWork}).
     */
    private static float[] area(GrayImage img, AreaAxis ax, AreaAxis ay, int size) {
        float[] out = new float[size * size];
        long perRow = (long) img.width() * (ay.taps - 1) + (long) size * ax.taps;
        SplitWork.rows(size, perRow, (from, to) -> areaRows(img, ax, ay, size, out, from, to));
        return out;
    }

    private static void areaRows(GrayImage img, AreaAxis ax, AreaAxis ay, int size, float[] out, int from, int to) {
        byte[] g = img.gray();
        int w = img.width();
        double[] col = new double[w];
        double[] acc = new double[size];
        for (int oy = from; oy < to; oy++) {
            Arrays.fill(col, 0);
            int ny = ay.count[oy];
            int src = ay.first[oy] * w;
            int j = 0;
            for (; j + 1 < ny; j += 2, src += 2 * w) {
                double w0 = ay.byTap[j * size + oy];
                double w1 = ay.byTap[(j + 1) * size + oy];
                int s1 = src + w;
                for (int x = 0; x < w; x++) {
                    col[x] = col[x] + w0 * (g[src + x] & 0xFF) + w1 * (g[s1 + x] & 0xFF);
                }
            }
            if (j < ny) {
                double w0 = ay.byTap[j * size + oy];
                for (int x = 0; x < w; x++) {
                    col[x] += w0 * (g[src + x] & 0xFF);
                }
            }
            Arrays.fill(acc, 0);
            double[] share = ax.byTap;
            int[] index = ax.index;
            int t = 0;
            for (; t + 1 < ax.taps; t += 2) {
                int a = t * size;
                int b = a + size;
                for (int ox = 0; ox < size; ox++) {
                    acc[ox] = acc[ox] + share[a + ox] * col[index[a + ox]] + share[b + ox] * col[index[b + ox]];
                }
            }
            if (t < ax.taps) {
                int a = t * size;
                for (int ox = 0; ox < size; ox++) {
                    acc[ox] += share[a + ox] * col[index[a + ox]];
                }
            }
            int dst = oy * size;
            for (int ox = 0; ox < size; ox++) {
                out[dst + ox] = (float) acc[ox];
            }
        }
    }

    /**
     * The source pixels under each output pixel along one axis: output {@code o} covers
     * {@code [o*n/size, (o+1)*n/size)}; source pixel {@code first[o]+k}, {@code k < count[o]},
     * overlaps it by a share {@code byTap[k*size+o]} of its total overlap (the shares of one output
     * sum to 1); {@code index[k*size+o]} is that pixel, and taps past {@code count[o]} have a zero
     * share on a valid pixel.
     */
    private record AreaAxis(int[] first, int[] count, int taps, double[] byTap, int[] index) {
        static AreaAxis of(int n, int size) {
            double scale = (double) n / size;
            int taps = (int) Math.ceil(scale) + 1;
            int[] first = new int[size];
            int[] count = new int[size];
            double[] byTap = new double[size * taps];
            int[] index = new int[size * taps];
            for (int o = 0; o < size; o++) {
                double lo = o * scale;
                double hi = (o + 1) * scale;
                int from = (int) Math.floor(lo);
                int to = Math.min(n, (int) Math.ceil(hi));
                first[o] = from;
                count[o] = Math.max(0, to - from);
                double total = 0;
                for (int p = from; p < to; p++) {
                    total += Math.min(p + 1, hi) - Math.max(p, lo);
                }
                for (int k = 0; k < taps; k++) {
                    int p = from + k;
                    double share = p < to ? (Math.min(p + 1, hi) - Math.max(p, lo)) / total : 0;
                    byTap[k * size + o] = share;
                    index[k * size + o] = Math.min(p, n - 1);
                }
            }
            return new AreaAxis(first, count, taps, byTap, index);
        }
    }

    private static void normalize(float[] plane, Preprocessing p) {
        if (Preprocessing.FIXED.equals(p.normalization())) {
            float scale = (float) (1 / (255.0 * p.std()));
            float shift = (float) (p.mean() / p.std());
            for (int i = 0; i < plane.length; i++) {
                plane[i] = plane[i] * scale - shift;
            }
            return;
        }
        // four partial sums each: one running sum would make every addition wait for the previous one
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int n4 = plane.length & ~3;
        for (int i = 0; i < n4; i += 4) {
            s0 += plane[i];
            s1 += plane[i + 1];
            s2 += plane[i + 2];
            s3 += plane[i + 3];
        }
        for (int i = n4; i < plane.length; i++) {
            s0 += plane[i];
        }
        double mean = (s0 + s1 + s2 + s3) / plane.length;
        double v0 = 0;
        double v1 = 0;
        double v2 = 0;
        double v3 = 0;
        for (int i = 0; i < n4; i += 4) {
            double d0 = plane[i] - mean;
            double d1 = plane[i + 1] - mean;
            double d2 = plane[i + 2] - mean;
            double d3 = plane[i + 3] - mean;
            v0 += d0 * d0;
            v1 += d1 * d1;
            v2 += d2 * d2;
            v3 += d3 * d3;
        }
        for (int i = n4; i < plane.length; i++) {
            double d = plane[i] - mean;
            v0 += d * d;
        }
        double var = v0 + v1 + v2 + v3;
        float inv = (float) (1 / Math.max(Math.sqrt(var / plane.length), 1e-3));
        float m = (float) mean;
        for (int i = 0; i < plane.length; i++) {
            plane[i] = (plane[i] - m) * inv;
        }
    }
}
