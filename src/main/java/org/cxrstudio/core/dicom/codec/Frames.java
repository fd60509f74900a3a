package org.cxrstudio.core.dicom.codec;

/** Checks shared by the decoders before they allocate anything. */
final class Frames {

    /** Frames larger than this many samples are refused (2^28 ints = 1 GiB). */
    static final long MAX_SAMPLES = 1L << 28;

    private Frames() {
    }

    static void checkGeometry(String codec, FrameInfo info) throws CodecException {
        if (info == null) {
            throw new CodecException(codec + ": no frame information");
        }
        if (info.rows() < 1 || info.columns() < 1 || info.rows() > 65535 || info.columns() > 65535) {
            throw new CodecException(codec + ": invalid frame size " + info.columns() + "x" + info.rows());
        }
        if (info.samplesPerPixel() != 1 && info.samplesPerPixel() != 3) {
            throw new CodecException(codec + ": samples per pixel " + info.samplesPerPixel() + " is not supported (1 or 3)");
        }
        if (info.sampleCount() > MAX_SAMPLES) {
            throw new CodecException(codec + ": frame of " + info.sampleCount() + " samples is too large");
        }
    }

    /**
     * The decoded component planes as DICOM wants them: the first plane for one sample per pixel,
     * else the first {@code samplesPerPixel} planes interleaved pixel by pixel.
     *
     * @param pixels samples per plane (rows × columns)
     * @throws CodecException if a needed component was never coded in a scan
     */
    static int[] interleave(String codec, int[][] planes, int pixels, int samplesPerPixel) throws CodecException {
        for (int c = 0; c < samplesPerPixel; c++) {
            if (planes[c] == null) {
                throw new CodecException(codec + ": component " + (c + 1) + " was never coded in a scan");
            }
        }
        if (samplesPerPixel == 1) {
            return planes[0];
        }
        int[] out = new int[pixels * samplesPerPixel];
        for (int i = 0; i < pixels; i++) {
            for (int c = 0; c < samplesPerPixel; c++) {
                out[i * samplesPerPixel + c] = planes[c][i];
            }
        }
        return out;
    }
}
