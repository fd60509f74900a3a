package org.cxrstudio.core.dicom.codec;

/**
 * JPEG baseline (process 1, 1.2.840.10008.1.2.4.50) and extended (process 2 and 4, …4.51)
 * through the JDK's ImageIO JPEG reader, which handles 8-bit precision only.
 *
 * <p>The frame's SOF marker, not the transfer syntax, decides the decoder: a lossless (SOF3)
 * or JPEG-LS stream under a baseline UID, which some writers produce, goes to the matching
 * decoder. 12-bit extended JPEG is refused with a clear message (the JDK cannot decode it).
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
        if (header.precision() != 8) {
            throw new CodecException(CODEC + ": " + header.precision()
                    + "-bit extended JPEG is not supported (the JDK decoder handles 8-bit only)");
        }
        return ImageIoDecoder.decode(frame, info, "jpeg", CODEC);
    }
}
