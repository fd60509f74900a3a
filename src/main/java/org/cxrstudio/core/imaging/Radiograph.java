package org.cxrstudio.core.imaging;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static org.cxrstudio.core.io.Strings.orEmpty;

/**
 * One decoded radiograph: stored pixel values plus the metadata needed to display them and
 * to describe them. Immutable by convention: {@link #pixels()} must not be modified.
 *
 * @param columns         image width in pixels, {@code 1..16384}
 * @param rows            image height in pixels, {@code 1..16384}
 * @param pixels          stored values, row-major, length {@code rows*columns}, already
 *                        masked to {@code bitsStored} and sign-extended when {@code signed}
 * @param bitsAllocated   8 or 16 (8 for 8-bit PNG/JPEG)
 * @param bitsStored      significant bits, {@code 1..bitsAllocated}
 * @param signed          DICOM Pixel Representation 1
 * @param photometric     MONOCHROME1 is inverted for display
 * @param rescaleSlope    modality LUT slope (1 when absent)
 * @param rescaleIntercept modality LUT intercept (0 when absent)
 * @param windows         VOI windows stored in the file, first is the default; may be empty
 * @param voiLut          VOI LUT sequence item if present, else empty
 * @param pixelSpacingMm  row and column spacing in mm ({@code [row, col]}), or empty
 * @param viewPosition    e.g. {@code PA}, {@code AP}, or empty
 * @param format          source format, e.g. {@code "DICOM JPEG 2000 (1.2.840.10008.1.2.4.91)"}, {@code "PNG"}
 * @param metadata        display-only attributes (keyword → value) without patient identifiers
 * @param patient         patient/study identifiers, kept apart so the UI can hide them
 */
public record Radiograph(
        int columns,
        int rows,
        int[] pixels,
        int bitsAllocated,
        int bitsStored,
        boolean signed,
        Photometric photometric,
        double rescaleSlope,
        double rescaleIntercept,
        List<WindowLevel> windows,
        Optional<VoiLut> voiLut,
        Optional<double[]> pixelSpacingMm,
        String viewPosition,
        String format,
        Map<String, String> metadata,
        Map<String, String> patient) {

    public Radiograph {
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(photometric, "photometric");
        if (columns < 1 || rows < 1 || (long) columns * rows != pixels.length) {
            throw new IllegalArgumentException("pixel array of " + pixels.length + " does not match " + columns + "x" + rows);
        }
        windows = List.copyOf(windows);
        metadata = Map.copyOf(metadata);
        patient = Map.copyOf(patient);
        viewPosition = orEmpty(viewPosition);
    }

    /**
     * A VOI LUT (PS3.3 C.11.2.1.3): stored/modality values from {@code firstMapped} map through
     * {@code table}; values outside the range clamp to the first/last entry.
     *
     * @param firstMapped first input value mapped
     * @param bits        bits per output entry
     * @param table       output values
     */
    public record VoiLut(int firstMapped, int bits, int[] table) { }
}
