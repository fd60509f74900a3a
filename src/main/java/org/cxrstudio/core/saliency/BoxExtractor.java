package org.cxrstudio.core.saliency;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Boxes from a heatmap: upsample to image pixels, keep pixels at or above
 * {@link BoxParams#relativeThreshold()} × the map maximum, group them into 8-connected
 * components, and give each component its bounding box, scored by the peak heatmap value inside
 * it. Components below the minimum area are dropped; the {@code maxBoxes} highest-scoring are
 * kept. Large images are processed on a raster of at most {@value #MAX_RASTER_SIDE} pixels on
 * the long side (box edges then snap to that raster, i.e. within {@code side/512} image pixels).
 * Stateless and thread-safe.
 */
public final class BoxExtractor {
    /** Long side of the working raster, pixels. */
    public static final int MAX_RASTER_SIDE = 512;

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
        int iw = heatmap.imageWidth();
        int ih = heatmap.imageHeight();
        double scale = Math.min(1.0, (double) MAX_RASTER_SIDE / Math.max(iw, ih));
        int w = Math.max(1, (int) Math.round(iw * scale));
        int h = Math.max(1, (int) Math.round(ih * scale));
        float[] v = new float[w * h];
        float max = 0;
        for (int y = 0; y < h; y++) {
            double imgY = (y + 0.5) / scale - 0.5;
            for (int x = 0; x < w; x++) {
                float val = heatmap.atImage((x + 0.5) / scale - 0.5, imgY);
                v[y * w + x] = val;
                max = Math.max(max, val);
            }
        }
        if (max <= 0) {
            return List.of();
        }
        float cut = (float) (params.relativeThreshold() * max);
        double minArea = params.minAreaFraction() * w * h;
        int[] label = new int[w * h];
        int[] stack = new int[w * h];
        List<Box> boxes = new ArrayList<>();
        int next = 0;
        for (int start = 0; start < v.length; start++) {
            if (label[start] != 0 || v[start] < cut) {
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
                int p = stack[--top];
                int px = p % w;
                int py = p / w;
                area++;
                peak = Math.max(peak, v[p]);
                minX = Math.min(minX, px);
                maxX = Math.max(maxX, px);
                minY = Math.min(minY, py);
                maxY = Math.max(maxY, py);
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = px + dx;
                        int ny = py + dy;
                        if (nx >= 0 && ny >= 0 && nx < w && ny < h) {
                            int q = ny * w + nx;
                            if (label[q] == 0 && v[q] >= cut) {
                                label[q] = next;
                                stack[top++] = q;
                            }
                        }
                    }
                }
            }
            if (area >= minArea) {
                boxes.add(new Box(Math.min(iw, minX / scale), Math.min(ih, minY / scale),
                        Math.min(iw, (maxX + 1) / scale), Math.min(ih, (maxY + 1) / scale), Math.min(1f, peak)));
            }
        }
        boxes.sort(Comparator.comparingDouble(Box::score).reversed());
        return List.copyOf(boxes.subList(0, Math.min(params.maxBoxes(), boxes.size())));
    }
}
