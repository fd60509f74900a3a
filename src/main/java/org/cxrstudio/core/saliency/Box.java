package org.cxrstudio.core.saliency;

/**
 * An axis-aligned box in image-pixel coordinates ({@code x1 <= x2}, {@code y1 <= y2}; the
 * view transform is applied only when drawing) with a score in {@code 0..1}.
 */
public record Box(double x1, double y1, double x2, double y2, double score) {
    public Box {
        if (!(x1 <= x2 && y1 <= y2)) {
            throw new IllegalArgumentException("box corners out of order: " + x1 + "," + y1 + " " + x2 + "," + y2);
        }
    }

    public double area() {
        return (x2 - x1) * (y2 - y1);
    }
}
