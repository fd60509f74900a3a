package org.cxrstudio.core.imaging;

/**
 * A linear VOI window in modality units (after rescale slope/intercept), following the
 * DICOM definition (PS3.3 C.11.2.1.2): values below {@code center - width/2} are black,
 * above {@code center + width/2} white.
 *
 * @param center window centre, modality units
 * @param width  window width, modality units, {@code >= 1}
 */
public record WindowLevel(double center, double width) {
    public WindowLevel {
        if (!(width >= 1) || !Double.isFinite(center)) {
            throw new IllegalArgumentException("window width must be >= 1 and centre finite, got C=" + center + " W=" + width);
        }
    }
}
