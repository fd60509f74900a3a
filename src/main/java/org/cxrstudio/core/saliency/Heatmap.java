package org.cxrstudio.core.saliency;

import java.util.Objects;

/**
 * A saliency map with raw values in {@code 0..1} on a grid that covers the whole image: cell
 * {@code (i, j)} covers image pixels {@code [i*imageWidth/width, (i+1)*imageWidth/width)} and the
 * same in {@code y}. Colouring is the viewer's job (through a lookup table), so values stay raw.
 *
 * @param width       grid columns
 * @param height      grid rows
 * @param values      row-major, length {@code width*height}, each in {@code 0..1}
 * @param imageWidth  width of the radiograph it belongs to, image pixels
 * @param imageHeight height of the radiograph it belongs to, image pixels
 */
public record Heatmap(int width, int height, float[] values, int imageWidth, int imageHeight) {
    public Heatmap {
        Objects.requireNonNull(values, "values");
        if (width < 1 || height < 1 || values.length != width * height || imageWidth < 1 || imageHeight < 1) {
            throw new IllegalArgumentException("heatmap " + width + "x" + height + " with " + values.length
                    + " values for image " + imageWidth + "x" + imageHeight);
        }
    }

    /** Grid value at grid column {@code x}, row {@code y}. */
    public float at(int x, int y) {
        return values[y * width + x];
    }

    /**
     * Bilinear value at an image-pixel position (pixel centres at {@code +0.5}), clamped at the
     * borders.
     */
    public float atImage(double imageX, double imageY) {
        double gx = Math.max(0, Math.min(width - 1, (imageX + 0.5) * width / imageWidth - 0.5));
        double gy = Math.max(0, Math.min(height - 1, (imageY + 0.5) * height / imageHeight - 0.5));
        int x0 = (int) gx;
        int y0 = (int) gy;
        int x1 = Math.min(x0 + 1, width - 1);
        int y1 = Math.min(y0 + 1, height - 1);
        double fx = gx - x0;
        double fy = gy - y0;
        double top = at(x0, y0) * (1 - fx) + at(x1, y0) * fx;
        double bottom = at(x0, y1) * (1 - fx) + at(x1, y1) * fx;
        return (float) (top * (1 - fy) + bottom * fy);
    }
}
