package org.cxrstudio.core.training.data;

import org.cxrstudio.core.imaging.Bilinear;

/**
 * Resizing of float grids (teacher CAMs onto the student's CAM grid) with the conventions of
 * {@link org.cxrstudio.core.imaging.ModelInput#resize}: area averaging when shrinking, bilinear
 * (pixel centres at {@code +0.5}) when enlarging. Pure, thread-safe.
 */
public final class Grids {
    private Grids() { }

    public static float[] resize(float[] src, int w, int h, int outW, int outH) {
        if (w == outW && h == outH) {
            return src.clone();
        }
        float[] out = new float[outW * outH];
        double sx = (double) w / outW;
        double sy = (double) h / outH;
        for (int oy = 0; oy < outH; oy++) {
            for (int ox = 0; ox < outW; ox++) {
                out[oy * outW + ox] = (sx > 1 || sy > 1)
                        ? area(src, w, h, ox * sx, oy * sy, (ox + 1) * sx, (oy + 1) * sy)
                        : Bilinear.sample(src, w, h, (ox + 0.5) * sx - 0.5, (oy + 0.5) * sy - 0.5);
            }
        }
        return out;
    }

    private static float area(float[] src, int w, int h, double x0, double y0, double x1, double y1) {
        double sum = 0;
        double weight = 0;
        for (int y = (int) Math.floor(y0); y < Math.min(h, (int) Math.ceil(y1)); y++) {
            double wy = Math.min(y + 1, y1) - Math.max(y, y0);
            for (int x = (int) Math.floor(x0); x < Math.min(w, (int) Math.ceil(x1)); x++) {
                double wgt = wy * (Math.min(x + 1, x1) - Math.max(x, x0));
                sum += wgt * src[y * w + x];
                weight += wgt;
            }
        }
        return (float) (weight > 0 ? sum / weight : 0);
    }

    /**
     * Moves a CAM made on one crop of the image to the grid of another crop (teacher and student
     * may crop differently): output cell centres are placed in whole-image coordinates
     * ({@code 0..1} per axis, the student's region is {@code dstFraction .. 1-dstFraction}) and
     * the source is sampled bilinearly there, clamped at its edges (where the student sees margin
     * the teacher did not, the teacher's edge value is repeated). With equal fractions this is
     * {@link #resize}.
     */
    public static float[] recrop(float[] src, int w, int h, double srcFraction, int outW, int outH, double dstFraction) {
        if (srcFraction == dstFraction) {
            return resize(src, w, h, outW, outH);
        }
        float[] out = new float[outW * outH];
        double srcSpan = 1 - 2 * srcFraction;
        double dstSpan = 1 - 2 * dstFraction;
        for (int oy = 0; oy < outH; oy++) {
            double v = dstFraction + (oy + 0.5) / outH * dstSpan;
            double sy = (v - srcFraction) / srcSpan * h - 0.5;
            for (int ox = 0; ox < outW; ox++) {
                double u = dstFraction + (ox + 0.5) / outW * dstSpan;
                double sx = (u - srcFraction) / srcSpan * w - 0.5;
                out[oy * outW + ox] = Bilinear.sample(src, w, h, sx, sy);
            }
        }
        return out;
    }
}
