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
        float[] out = new float[size * size];
        double sx = (double) w / size;
        double sy = (double) h / size;
        for (int oy = 0; oy < size; oy++) {
            for (int ox = 0; ox < size; ox++) {
                out[oy * size + ox] = (sx > 1 || sy > 1)
                        ? area(image, ox * sx, oy * sy, (ox + 1) * sx, (oy + 1) * sy)
                        : bilinear(image, (ox + 0.5) * sx - 0.5, (oy + 0.5) * sy - 0.5);
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
