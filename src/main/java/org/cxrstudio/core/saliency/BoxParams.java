package org.cxrstudio.core.saliency;

/**
 * Parameters of {@link BoxExtractor}.
 *
 * @param relativeThreshold a pixel is "hot" when its heatmap value is {@code >= relativeThreshold
 *                          × map maximum}; {@code (0, 1]}
 * @param minAreaFraction   components smaller than this share of the image area are dropped;
 *                          {@code [0, 1)}
 * @param maxBoxes          at most this many boxes, highest score first; {@code >= 1}
 */
public record BoxParams(double relativeThreshold, double minAreaFraction, int maxBoxes) {
    /** 0.5 of the maximum, 0.5 % of the image (about 36×36 px on 512×512), at most 3 boxes. */
    public static final BoxParams DEFAULT = new BoxParams(0.5, 0.005, 3);

    public BoxParams {
        if (!(relativeThreshold > 0 && relativeThreshold <= 1)) {
            throw new IllegalArgumentException("relative threshold must be in (0, 1], got " + relativeThreshold);
        }
        if (!(minAreaFraction >= 0 && minAreaFraction < 1)) {
            throw new IllegalArgumentException("min area fraction must be in [0, 1), got " + minAreaFraction);
        }
        if (maxBoxes < 1) {
            throw new IllegalArgumentException("max boxes must be >= 1, got " + maxBoxes);
        }
    }
}
