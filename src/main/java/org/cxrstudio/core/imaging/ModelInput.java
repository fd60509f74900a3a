package org.cxrstudio.core.imaging;

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
        float[] out = new float[size * size];
        for (int oy = 0; oy < size; oy++) {
            for (int ox = 0; ox < size; ox++) {
                out[oy * size + ox] = bilinear(image, (ox + 0.5) * sx - 0.5, (oy + 0.5) * sy - 0.5);
            }
        }
        return out;
    }

    /**
     * Area averaging with the per-axis overlaps precomputed: each output pixel is the
     * overlap-weighted mean of the source pixels its footprint touches, summed in the same order
     * and with the same double products as the straightforward double loop, so the result is
     * bit-identical to it (training caches and older model cards stay valid) but the per-pixel
     * floor/ceil/min/max work is done once per output column and row instead of once per source pixel.
     */
    private static float[] area(GrayImage img, AreaAxis ax, AreaAxis ay, int size) {
        byte[] g = img.gray();
        int w = img.width();
        float[] out = new float[size * size];
        for (int oy = 0; oy < size; oy++) {
            int y0 = ay.first[oy];
            int ny = ay.count[oy];
            int wyAt = oy * ay.stride;
            for (int ox = 0; ox < size; ox++) {
                int x0 = ax.first[ox];
                int nx = ax.count[ox];
                int wxAt = ox * ax.stride;
                double sum = 0;
                double weight = 0;
                for (int j = 0; j < ny; j++) {
                    double wy = ay.weight[wyAt + j];
                    int row = (y0 + j) * w + x0;
                    for (int i = 0; i < nx; i++) {
                        double wgt = wy * ax.weight[wxAt + i];
                        sum += wgt * (g[row + i] & 0xFF);
                        weight += wgt;
                    }
                }
                out[oy * size + ox] = (float) (weight > 0 ? sum / weight : 0);
            }
        }
        return out;
    }

    /**
     * The source pixels under each output pixel along one axis: output {@code o} covers
     * {@code [o*n/size, (o+1)*n/size)}; source pixel {@code first[o]+k} overlaps it by
     * {@code weight[o*stride+k]} (a fraction of one pixel), {@code k < count[o]}.
     */
    private record AreaAxis(int[] first, int[] count, double[] weight, int stride) {
        static AreaAxis of(int n, int size) {
            double scale = (double) n / size;
            int stride = (int) Math.ceil(scale) + 2;
            int[] first = new int[size];
            int[] count = new int[size];
            double[] weight = new double[size * stride];
            for (int o = 0; o < size; o++) {
                double lo = o * scale;
                double hi = (o + 1) * scale;
                int from = (int) Math.floor(lo);
                int to = Math.min(n, (int) Math.ceil(hi));
                first[o] = from;
                count[o] = Math.max(0, to - from);
                for (int p = from; p < to; p++) {
                    weight[o * stride + p - from] = Math.min(p + 1, hi) - Math.max(p, lo);
                }
            }
            return new AreaAxis(first, count, weight, stride);
        }
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

    private static void normalize(float[] plane, Preprocessing p) {
        if (Preprocessing.FIXED.equals(p.normalization())) {
            for (int i = 0; i < plane.length; i++) {
                plane[i] = (float) ((plane[i] / 255.0 - p.mean()) / p.std());
            }
            return;
        }
        double mean = 0;
        for (float v : plane) {
            mean += v;
        }
        mean /= plane.length;
        double var = 0;
        for (float v : plane) {
            var += (v - mean) * (v - mean);
        }
        double std = Math.max(Math.sqrt(var / plane.length), 1e-3);
        for (int i = 0; i < plane.length; i++) {
            plane[i] = (float) ((plane[i] - mean) / std);
        }
    }
}
