package org.cxrstudio.core.imaging;

/**
 * Bilinear sampling of a row-major float grid, the one interpolation behind image resizing
 * ({@link ModelInput}), heatmap lookup, CAM resizing and training augmentation. Positions are in
 * grid cells with cell centres at integers (a caller mapping pixel centres at {@code +0.5} passes
 * {@code (x + 0.5) * scale - 0.5}); positions outside the grid are clamped to its edge cells.
 * Pure, thread-safe.
 */
public final class Bilinear {
    private Bilinear() { }

    /**
     * @param values {@code width * height} values, row-major
     * @param x      column position, cells; clamped to {@code 0..width-1}
     * @param y      row position, cells; clamped to {@code 0..height-1}
     */
    public static float sample(float[] values, int width, int height, double x, double y) {
        x = Math.max(0, Math.min(width - 1, x));
        y = Math.max(0, Math.min(height - 1, y));
        int x0 = (int) x;
        int y0 = (int) y;
        int x1 = Math.min(x0 + 1, width - 1);
        int y1 = Math.min(y0 + 1, height - 1);
        double fx = x - x0;
        double fy = y - y0;
        double top = values[y0 * width + x0] * (1 - fx) + values[y0 * width + x1] * fx;
        double bottom = values[y1 * width + x0] * (1 - fx) + values[y1 * width + x1] * fx;
        return (float) (top * (1 - fy) + bottom * fy);
    }
}
