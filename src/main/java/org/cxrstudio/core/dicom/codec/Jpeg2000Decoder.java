package org.cxrstudio.core.dicom.codec;

/**
 * JPEG 2000 (1.2.840.10008.1.2.4.90 lossless only, …4.91 lossy) through jai-imageio-jpeg2000.
 * Accepts a raw J2K code stream (as DICOM stores it) or a JP2 file.
 */
public final class Jpeg2000Decoder implements FrameDecoder {

    private static final String CODEC = "JPEG 2000";

    @Override
    public int[] decode(byte[] frame, FrameInfo info) throws CodecException {
        Frames.checkGeometry(CODEC, info);
        if (frame.length < 2) {
            throw new CodecException(CODEC + ": frame is empty");
        }
        return ImageIoDecoder.decode(frame, info, "jpeg2000", CODEC);
    }
}
