package org.cxrstudio.core.imaging;

/** DICOM Photometric Interpretation of a single-channel radiograph. */
public enum Photometric {
    /** Minimum stored value is displayed white (bone dark): must be inverted for display. */
    MONOCHROME1,
    /** Minimum stored value is displayed black: the usual convention. */
    MONOCHROME2
}
