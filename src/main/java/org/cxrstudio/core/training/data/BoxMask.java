package org.cxrstudio.core.training.data;

import org.cxrstudio.core.imaging.CropRegion;
import org.cxrstudio.core.saliency.Box;

import java.util.List;

/**
 * Expert boxes as a soft target on a model's CAM grid: each cell holds the share of its area
 * covered by the union of the boxes. The grid spans the model input, i.e. the {@code region} of
 * the original image that preprocessing crops and resizes; box coordinates are original image
 * pixels (continuous, {@code x1..x2}). Pure, thread-safe.
 */
public final class BoxMask {
    /** Sub-samples per cell side used to measure the covered share (exact for overlapping boxes). */
    static final int SUB = 8;

    private BoxMask() { }

    /**
     * @return {@code gridWidth×gridHeight} values in {@code 0..1}, row-major; all 0 without boxes
     * @throws IllegalArgumentException for an empty grid
     */
    public static float[] onGrid(List<Box> boxes, CropRegion region, int gridWidth, int gridHeight) {
        if (gridWidth < 1 || gridHeight < 1) {
            throw new IllegalArgumentException("grid " + gridWidth + "x" + gridHeight);
        }
        float[] out = new float[gridWidth * gridHeight];
        if (boxes.isEmpty()) {
            return out;
        }
        double cellW = (double) region.width() / gridWidth;
        double cellH = (double) region.height() / gridHeight;
        for (int gy = 0; gy < gridHeight; gy++) {
            for (int gx = 0; gx < gridWidth; gx++) {
                int hits = 0;
                for (int sy = 0; sy < SUB; sy++) {
                    double y = region.y() + (gy + (sy + 0.5) / SUB) * cellH;
                    for (int sx = 0; sx < SUB; sx++) {
                        double x = region.x() + (gx + (sx + 0.5) / SUB) * cellW;
                        if (inAny(boxes, x, y)) {
                            hits++;
                        }
                    }
                }
                out[gy * gridWidth + gx] = (float) hits / (SUB * SUB);
            }
        }
        return out;
    }

    private static boolean inAny(List<Box> boxes, double x, double y) {
        for (Box b : boxes) {
            if (x >= b.x1() && x < b.x2() && y >= b.y1() && y < b.y2()) {
                return true;
            }
        }
        return false;
    }
}
