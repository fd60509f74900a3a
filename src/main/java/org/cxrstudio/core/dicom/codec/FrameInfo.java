package org.cxrstudio.core.dicom.codec;

/**
 * What a decoder needs to know about one frame, taken from the DICOM image pixel module.
 *
 * @param rows                number of rows (0028,0010), 1..65535
 * @param columns             number of columns (0028,0011), 1..65535
 * @param samplesPerPixel     1 (gray) or 3 (colour) (0028,0002)
 * @param bitsAllocated       8 or 16 (0028,0100)
 * @param bitsStored          1..bitsAllocated (0028,0101)
 * @param signed              pixel representation (0028,0103) is 1
 * @param photometric         photometric interpretation (0028,0004), e.g. {@code MONOCHROME1}
 * @param planarConfiguration 0 = interleaved, 1 = planar (0028,0006); only meaningful for 3 samples
 */
public record FrameInfo(int rows, int columns, int samplesPerPixel, int bitsAllocated, int bitsStored,
                        boolean signed, String photometric, int planarConfiguration) {

    /** Number of samples in the frame: rows × columns × samples per pixel. */
    public long sampleCount() {
        return (long) rows * columns * samplesPerPixel;
    }
}
