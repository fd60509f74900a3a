package org.cxrstudio.core.eval;

import org.cxrstudio.core.saliency.Box;
import org.cxrstudio.core.saliency.Heatmap;

import java.util.List;

/**
 * Localization figures of one image against its ground-truth boxes, all in image-pixel
 * coordinates. Masks are rasterised on a grid of at most {@value #MAX_RASTER_SIDE} cells on the
 * long side (exact for images up to that size, e.g. the 512×512 data sets; larger images are
 * sampled at cell centres, an error below one cell per box edge). A raster cell belongs to a box
 * when its centre lies in {@code [x1, x2) × [y1, y2)}. Pure functions, thread-safe.
 */
public final class Localization {
    /** Long side of the mask raster, cells. */
    public static final int MAX_RASTER_SIDE = 1024;

    private Localization() { }

    /**
     * IoU between the union of the predicted boxes and the union of the ground-truth boxes as
     * pixel masks; 0 when nothing is predicted.
     *
     * @throws IllegalArgumentException when {@code truth} is empty (IoU is then undefined)
     */
    public static double iouOfUnions(List<Box> predicted, List<Box> truth, int imageWidth, int imageHeight) {
        requireTruth(truth);
        Raster r = new Raster(imageWidth, imageHeight);
        int[][] p = r.cellRanges(predicted);
        int[][] t = r.cellRanges(truth);
        // the cell counts of the masks below, on the grid cut only at the boxes' cell edges: each
        // piece is wholly inside or outside every box, so counting pieces by area is exact and
        // costs O(boxes³) instead of O(cells) (the calibration sweep calls this thousands of times)
        int[] xs = edges(p, t, 0);
        int[] ys = edges(p, t, 1);
        long inter = 0;
        long union = 0;
        for (int j = 0; j + 1 < ys.length; j++) {
            for (int i = 0; i + 1 < xs.length; i++) {
                boolean inP = covers(p, xs[i], ys[j]);
                boolean inT = covers(t, xs[i], ys[j]);
                long area = (long) (xs[i + 1] - xs[i]) * (ys[j + 1] - ys[j]);
                if (inP && inT) {
                    inter += area;
                }
                if (inP || inT) {
                    union += area;
                }
            }
        }
        return union == 0 ? 0 : (double) inter / union;
    }

    /** Sorted distinct cell edges along x ({@code axis 0}) or y ({@code 1}) of both range sets. */
    private static int[] edges(int[][] a, int[][] b, int axis) {
        java.util.TreeSet<Integer> e = new java.util.TreeSet<>();
        for (int[][] set : List.of(a, b)) {
            for (int[] c : set) {
                e.add(c[axis]);
                e.add(c[axis + 2]);
            }
        }
        return e.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Whether cell (x, y) lies in one of the ranges {@code [x0, y0, x1, y1)}. */
    private static boolean covers(int[][] ranges, int x, int y) {
        for (int[] c : ranges) {
            if (x >= c[0] && x < c[2] && y >= c[1] && y < c[3]) {
                return true;
            }
        }
        return false;
    }

    /** The plain per-cell mask computation {@link #iouOfUnions} must equal (kept for tests). */
    static double iouOfUnionsByMask(List<Box> predicted, List<Box> truth, int imageWidth, int imageHeight) {
        requireTruth(truth);
        Raster r = new Raster(imageWidth, imageHeight);
        boolean[] p = r.mask(predicted);
        boolean[] t = r.mask(truth);
        long inter = 0;
        long union = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] && t[i]) {
                inter++;
            }
            if (p[i] || t[i]) {
                union++;
            }
        }
        return union == 0 ? 0 : (double) inter / union;
    }

    /** Intersection over union of two boxes, analytic; 0 when both have zero area. */
    public static double boxIou(Box a, Box b) {
        double iw = Math.min(a.x2(), b.x2()) - Math.max(a.x1(), b.x1());
        double ih = Math.min(a.y2(), b.y2()) - Math.max(a.y1(), b.y1());
        double inter = iw > 0 && ih > 0 ? iw * ih : 0;
        double union = a.area() + b.area() - inter;
        return union > 0 ? inter / union : 0;
    }

    /** How many ground-truth boxes some predicted box overlaps with IoU {@code >= minIou}. */
    public static int boxesFound(List<Box> predicted, List<Box> truth, double minIou) {
        int found = 0;
        for (Box t : truth) {
            for (Box p : predicted) {
                if (boxIou(p, t) >= minIou) {
                    found++;
                    break;
                }
            }
        }
        return found;
    }

    /**
     * Continuous (soft) Dice of the heatmap {@code H} (values 0..1, bilinearly upsampled) against
     * the ground-truth box mask {@code M}: {@code 2·ΣHM / (ΣH + ΣM)}; 0 when both sums are 0.
     *
     * @throws IllegalArgumentException when {@code truth} is empty
     */
    public static double softDice(Heatmap heatmap, List<Box> truth) {
        requireTruth(truth);
        Raster r = new Raster(heatmap.imageWidth(), heatmap.imageHeight());
        boolean[] m = r.mask(truth);
        double hm = 0;
        double h = 0;
        double mSum = 0;
        for (int y = 0; y < r.height; y++) {
            for (int x = 0; x < r.width; x++) {
                double v = heatmap.atImage(r.imageX(x), r.imageY(y));
                h += v;
                if (m[y * r.width + x]) {
                    hm += v;
                    mSum++;
                }
            }
        }
        double denom = h + mSum;
        return denom > 0 ? 2 * hm / denom : 0;
    }

    private static void requireTruth(List<Box> truth) {
        if (truth.isEmpty()) {
            throw new IllegalArgumentException("localization needs at least one ground-truth box");
        }
    }

    /** The mask grid: cell {@code x} has its centre at image x {@code (x + 0.5) / scale}. */
    private static final class Raster {
        final int width;
        final int height;
        final double scale;

        Raster(int imageWidth, int imageHeight) {
            if (imageWidth < 1 || imageHeight < 1) {
                throw new IllegalArgumentException("image size " + imageWidth + "x" + imageHeight);
            }
            scale = Math.min(1.0, (double) MAX_RASTER_SIDE / Math.max(imageWidth, imageHeight));
            width = Math.max(1, (int) Math.round(imageWidth * scale));
            height = Math.max(1, (int) Math.round(imageHeight * scale));
        }

        double imageX(int x) {
            return (x + 0.5) / scale - 0.5; // pixel-centre convention of Heatmap.atImage
        }

        double imageY(int y) {
            return (y + 0.5) / scale - 0.5;
        }

        boolean[] mask(List<Box> boxes) {
            boolean[] m = new boolean[width * height];
            for (int[] c : cellRanges(boxes)) {
                for (int y = c[1]; y < c[3]; y++) {
                    for (int x = c[0]; x < c[2]; x++) {
                        m[y * width + x] = true;
                    }
                }
            }
            return m;
        }

        /** Per non-empty box, its cells {@code [x0, y0, x1, y1)}. */
        int[][] cellRanges(List<Box> boxes) {
            List<int[]> out = new java.util.ArrayList<>(boxes.size());
            for (Box b : boxes) {
                // cells whose centre c = (i + 0.5)/scale satisfies x1 <= c < x2
                int x0 = Math.max(0, (int) Math.ceil(b.x1() * scale - 0.5));
                int x1 = Math.min(width, (int) Math.ceil(b.x2() * scale - 0.5));
                int y0 = Math.max(0, (int) Math.ceil(b.y1() * scale - 0.5));
                int y1 = Math.min(height, (int) Math.ceil(b.y2() * scale - 0.5));
                if (x0 < x1 && y0 < y1) {
                    out.add(new int[] {x0, y0, x1, y1});
                }
            }
            return out.toArray(new int[0][]);
        }
    }
}
