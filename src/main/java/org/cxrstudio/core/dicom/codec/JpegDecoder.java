package org.cxrstudio.core.dicom.codec;

/**
 * JPEG baseline (process 1, 1.2.840.10008.1.2.4.50) and extended (process 2 and 4, …4.51)
 * through the JDK's ImageIO JPEG reader (8-bit) and our {@link SequentialDctDecoder} (12-bit).
 *
 * <p>The frame's SOF marker, not the transfer syntax, decides the decoder: a lossless (SOF3)
 * or JPEG-LS stream under a baseline UID, which some writers produce, goes to the matching
 * decoder. 12-bit extended JPEG (process 4), which the JDK cannot decode, goes to
 * {@link SequentialDctDecoder}.
 */
public final class JpegDecoder implements FrameDecoder {

    private static final String CODEC = "JPEG";

    @Override
    public int[] decode(byte[] frame, FrameInfo info) throws CodecException {
        Frames.checkGeometry(CODEC, info);
        JpegHeader header = JpegHeader.read(frame, CODEC);
        if (header.sofMarker() == JpegHeader.SOF3) {
            return new JpegLosslessDecoder().decode(frame, info);
        }
        if (header.sofMarker() == JpegHeader.SOF55) {
            return new JpegLsDecoder().decode(frame, info);
        }
        header.checkMatches(info, CODEC);
        if (header.sofMarker() != JpegHeader.SOF0 && header.sofMarker() != JpegHeader.SOF1) {
            throw new CodecException(CODEC + ": SOF marker 0xFF" + Integer.toHexString(header.sofMarker()).toUpperCase()
                    + " (progressive, arithmetic or hierarchical) is not supported");
        }
        if (header.precision() == 12) {
            return SequentialDctDecoder.decode(frame, info); // the JDK decoder is 8-bit only
        }
        if (header.precision() != 8) {
            throw new CodecException(CODEC + ": DCT precision " + header.precision() + " is not 8 or 12");
        }
        return ImageIoDecoder.decode(frame, info, "jpeg", CODEC);
    }

    /**
     * Whether a three-component stream says in its own markers that it is coded in Y Cb Cr: a
     * JFIF APP0 segment (JFIF streams are YCbCr by definition) without an Adobe APP14 segment
     * declaring no transform, or an Adobe APP14 segment with transform 1. For files whose header
     * says RGB over such a stream, which some converters write. False when the markers say
     * nothing or say RGB, and for a stream whose markers cannot be walked up to its frame header.
     */
    public static boolean markedYcbcr(byte[] frame) {
        if (frame.length < 4 || (frame[0] & 0xFF) != 0xFF || (frame[1] & 0xFF) != 0xD8) {
            return false;
        }
        boolean jfif = false;
        int adobeTransform = -1;
        JpegSegments segments = new JpegSegments(frame, CODEC);
        try {
            for (int marker = segments.next(); marker >= 0 && !JpegSegments.isSof(marker) && marker != JpegSegments.SOS;
                    marker = segments.next()) {
                int body = segments.body();
                int size = segments.length() - 2;
                if (marker == 0xE0 && size >= 5 && startsWith(frame, body, "JFIF\0")) {
                    jfif = true;
                } else if (marker == 0xEE && size >= 12 && startsWith(frame, body, "Adobe")) {
                    adobeTransform = frame[body + 11] & 0xFF;
                }
            }
        } catch (CodecException malformed) {
            return false; // the decoder itself will report it
        }
        return adobeTransform == 1 || jfif && adobeTransform != 0;
    }

    private static boolean startsWith(byte[] data, int at, String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            if (at + i >= data.length || data[at + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
