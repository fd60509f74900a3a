package org.cxrstudio.ui.compare;

import org.cxrstudio.core.inference.Prediction;
import org.cxrstudio.core.saliency.Box;
import org.cxrstudio.core.saliency.Heatmap;

import java.util.List;

/**
 * Computes {@link Agreement} figures between two predictions on the same image. Pure; a few
 * milliseconds (rasters of at most {@value #RASTER} pixels a side).
 */
public final class Agreements {
    /** Side of the sampling grids for box masks and heatmap correlation, pixels. */
    static final int RASTER = 128;

    private Agreements() { }

    /**
     * @param boxesA boxes of A that are shown (empty when A is negative)
     * @param boxesB boxes of B that are shown
     */
    public static Agreement of(Prediction a, double thresholdA, List<Box> boxesA,
                               Prediction b, double thresholdB, List<Box> boxesB) {
        int w = a.heatmap().imageWidth();
        int h = a.heatmap().imageHeight();
        return new Agreement(a.tbProbability(), b.tbProbability(),
                a.tbProbability() >= thresholdA, b.tbProbability() >= thresholdB,
                unionIou(boxesA, boxesB, w, h), correlation(a.heatmap(), b.heatmap()));
    }

    /** IoU of the two box unions rasterised on the image; NaN when both are empty. */
    public static double unionIou(List<Box> a, List<Box> b, int imageWidth, int imageHeight) {
        if (a.isEmpty() && b.isEmpty()) {
            return Double.NaN;
        }
        double s = Math.min(1.0, (double) RASTER / Math.max(imageWidth, imageHeight));
        int w = Math.max(1, (int) Math.ceil(imageWidth * s));
        int h = Math.max(1, (int) Math.ceil(imageHeight * s));
        boolean[] ma = mask(a, w, h, s);
        boolean[] mb = mask(b, w, h, s);
        int inter = 0;
        int union = 0;
        for (int i = 0; i < ma.length; i++) {
            inter += ma[i] && mb[i] ? 1 : 0;
            union += ma[i] || mb[i] ? 1 : 0;
        }
        return union == 0 ? Double.NaN : (double) inter / union;
    }

    private static boolean[] mask(List<Box> boxes, int w, int h, double s) {
        boolean[] m = new boolean[w * h];
        for (Box bx : boxes) {
            // a raster cell is inside when its centre is inside the box
            int x0 = Math.max(0, (int) Math.ceil(bx.x1() * s - 0.5));
            int x1 = Math.min(w - 1, (int) Math.floor(bx.x2() * s - 0.5));
            int y0 = Math.max(0, (int) Math.ceil(bx.y1() * s - 0.5));
            int y1 = Math.min(h - 1, (int) Math.floor(bx.y2() * s - 0.5));
            for (int y = y0; y <= y1; y++) {
                for (int x = x0; x <= x1; x++) {
                    m[y * w + x] = true;
                }
            }
        }
        return m;
    }

    /**
     * Pearson correlation of the two heatmaps sampled at the same image points (they may have
     * different grids); NaN when either is constant.
     */
    public static double correlation(Heatmap a, Heatmap b) {
        int iw = a.imageWidth();
        int ih = a.imageHeight();
        int n = Math.min(RASTER, Math.max(iw, ih));
        double sa = 0;
        double sb = 0;
        double saa = 0;
        double sbb = 0;
        double sab = 0;
        int count = 0;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double ix = (x + 0.5) * iw / n - 0.5;
                double iy = (y + 0.5) * ih / n - 0.5;
                double va = a.atImage(ix, iy);
                double vb = b.atImage(ix * b.imageWidth() / iw, iy * b.imageHeight() / ih);
                sa += va;
                sb += vb;
                saa += va * va;
                sbb += vb * vb;
                sab += va * vb;
                count++;
            }
        }
        double cov = sab / count - (sa / count) * (sb / count);
        double varA = saa / count - (sa / count) * (sa / count);
        double varB = sbb / count - (sb / count) * (sb / count);
        if (varA <= 1e-12 || varB <= 1e-12) {
            return Double.NaN;
        }
        return Math.max(-1, Math.min(1, cov / Math.sqrt(varA * varB)));
    }
}
