package org.cxrstudio.core.saliency;

/** Builds {@link Heatmap}s from raw CAM grids. Pure, thread-safe. */
public final class Heatmaps {
    private Heatmaps() { }

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
