package org.cxrstudio.core.saliency;

import org.cxrstudio.core.imaging.CropRegion;

/** Builds {@link Heatmap}s from raw CAM grids. Pure, thread-safe. */
public final class Heatmaps {
    /** Heatmap cells per CAM cell when a cropped CAM is placed on a whole-image grid. */
    static final int CROP_CELLS_PER_CAM_CELL = 16;
    /** Largest side of that whole-image grid, cells. */
    static final int MAX_CROP_GRID_SIDE = 512;

    private Heatmaps() { }

    /**
     * A heatmap for a model whose input was the {@code region} of the image ({@code Preprocessing#cropRegion}):
     * the CAM covers only that rectangle, so it is placed there on a finer grid covering the whole
     * {@code imageWidth × imageHeight} image, sampled bilinearly with the conventions of
     * {@link Heatmap#atImage} (a cell of the finer grid takes the CAM value at its centre), and the
     * cropped-away margin, which the model never saw, is 0. Boxes and overlays therefore stay in
     * original image pixels. With a whole-image region this is {@link #fromCam(float[], int, int, int, int, CamNormalization)}.
     *
     * @throws IllegalArgumentException on a size mismatch, a region outside the image or a non-finite value
     */
    public static Heatmap fromCam(float[] cam, int gridWidth, int gridHeight, CropRegion region, int imageWidth,
                                  int imageHeight, CamNormalization normalization) {
        Heatmap inner = fromCam(cam, gridWidth, gridHeight, region.width(), region.height(), normalization);
        if (region.isWhole(imageWidth, imageHeight)) {
            return new Heatmap(gridWidth, gridHeight, inner.values(), imageWidth, imageHeight);
        }
        if (region.x() + region.width() > imageWidth || region.y() + region.height() > imageHeight) {
            throw new IllegalArgumentException("crop region " + region + " outside image " + imageWidth + "x" + imageHeight);
        }
        int gw = side(gridWidth, imageWidth, region.width());
        int gh = side(gridHeight, imageHeight, region.height());
        float[] out = new float[gw * gh];
        for (int j = 0; j < gh; j++) {
            double iy = (j + 0.5) * imageHeight / gh - 0.5;
            if (iy < region.y() - 0.5 || iy >= region.y() + region.height() - 0.5) {
                continue;
            }
            for (int i = 0; i < gw; i++) {
                double ix = (i + 0.5) * imageWidth / gw - 0.5;
                if (ix >= region.x() - 0.5 && ix < region.x() + region.width() - 0.5) {
                    out[j * gw + i] = inner.atImage(ix - region.x(), iy - region.y());
                }
            }
        }
        return new Heatmap(gw, gh, out, imageWidth, imageHeight);
    }

    private static int side(int camCells, int imageSide, int regionSide) {
        int cells = (int) Math.ceil((double) camCells * imageSide / regionSide) * CROP_CELLS_PER_CAM_CELL;
        return Math.max(1, Math.min(Math.min(imageSide, MAX_CROP_GRID_SIDE), cells));
    }

    /**
     * Normalises a raw CAM grid (row-major, logit units, e.g. the {@code cam} output of a model
     * for one class) into a heatmap covering the whole {@code imageWidth × imageHeight} image;
     * {@link Heatmap#atImage} upsamples it bilinearly to image pixels.
     *
     * @throws IllegalArgumentException on a size mismatch or a non-finite value
     */
    public static Heatmap fromCam(float[] cam, int gridWidth, int gridHeight, int imageWidth, int imageHeight,
                                  CamNormalization normalization) {
        if (cam.length != gridWidth * gridHeight) {
            throw new IllegalArgumentException("CAM of " + cam.length + " values is not " + gridWidth + "x" + gridHeight);
        }
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : cam) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("CAM holds a non-finite value: " + v);
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        float[] out = new float[cam.length];
        for (int i = 0; i < cam.length; i++) {
            out[i] = switch (normalization) {
                case MIN_MAX -> max > min ? (cam[i] - min) / (max - min) : 0f;
                case SIGMOID -> (float) (1 / (1 + Math.exp(-cam[i])));
            };
        }
        return new Heatmap(gridWidth, gridHeight, out, imageWidth, imageHeight);
    }
}
