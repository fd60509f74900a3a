package org.cxrstudio.core.dicom;

import java.util.Map;

/**
 * The first frame of a DICOM image as single-channel stored values, with the header
 * attributes needed to display and describe it. Colour images arrive here already converted
 * to gray (luma), and then report {@code MONOCHROME2}.
 *
 * @param columns           width in pixels
 * @param rows              height in pixels
 * @param pixels            stored values, row-major, masked to {@code bitsStored} and
 *                          sign-extended when {@code signed}
 * @param bitsAllocated     8 or 16
 * @param bitsStored        1..bitsAllocated
 * @param signed            Pixel Representation 1
 * @param photometric       {@code MONOCHROME1} or {@code MONOCHROME2}
 * @param rescaleSlope      Rescale Slope, 1 when absent
 * @param rescaleIntercept  Rescale Intercept, 0 when absent
 * @param windowCenters     Window Center values (paired with widths, invalid pairs dropped)
 * @param windowWidths      Window Width values, each {@code >= 1}
 * @param voiLut            first VOI LUT Sequence item, or {@code null}
 * @param pixelSpacingMm    {@code [row, column]} spacing in mm from Pixel Spacing, else Imager
 *                          Pixel Spacing, else {@code null}
 * @param viewPosition      View Position, or empty
 * @param transferSyntaxUid the transfer syntax (explicit VR LE assumed when absent)
 * @param frames            Number of Frames (1 when absent)
 * @param metadata          descriptive attributes by keyword, no patient/study identifiers
 * @param patient           patient and study identifiers by keyword, kept apart
 */
public record DicomImage(int columns, int rows, int[] pixels, int bitsAllocated, int bitsStored, boolean signed,
                         String photometric, double rescaleSlope, double rescaleIntercept,
                         double[] windowCenters, double[] windowWidths, VoiLutTable voiLut,
                         double[] pixelSpacingMm, String viewPosition, String transferSyntaxUid, int frames,
                         Map<String, String> metadata, Map<String, String> patient) {

    /**
     * A VOI LUT (PS3.3 C.11.2.1.3).
     *
     * @param firstMapped first input value mapped (signed when the pixel data is signed)
     * @param bits        bits per entry from the descriptor
     * @param table       the entries
     */
    public record VoiLutTable(int firstMapped, int bits, int[] table) { }
}
