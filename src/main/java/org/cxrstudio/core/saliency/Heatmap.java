package org.cxrstudio.core.saliency;

import org.cxrstudio.core.imaging.Bilinear;

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
        return Bilinear.sample(values, width, height, (imageX + 0.5) * width / imageWidth - 0.5,
                (imageY + 0.5) * height / imageHeight - 0.5);
    }
}
