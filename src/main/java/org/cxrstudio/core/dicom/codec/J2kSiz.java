package org.cxrstudio.core.dicom.codec;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The image and tile size (SIZ) segment of a raw JPEG 2000 code stream, parsed by us before any
 * byte reaches a decoder, and the routing that follows from it.
 *
 * <ul>
 *   <li>Invalid or contradicting the dataset (SOC not followed by SIZ, sizes that do not add up,
 *       more than 65 535 tiles, precision above bits allocated, a sub-sampled gray component,
 *       more packets than {@link J2kPacketBudget} allows…):
 *       a {@link CodecException} naming the field; no decoder sees it. jj2000 can loop for
 *       minutes on such streams.</li>
 *   <li>Valid but not the plain case (a JP2 file, components ≠ samples per pixel, sub-sampled or
 *       signed colour, more than {@value #MAX_NATIVE_TILES} tiles): jai-imageio, as before.</li>
 *   <li>The plain case: OpenJPEG.</li>
 * </ul>
 *
 * @param tiles      number of tiles on the reference grid
 * @param components Csiz
 * @param precision  bits per sample of the first component (Ssiz &amp; 0x7F) + 1
 * @param signed     sign bit of the first component's Ssiz
 */
record J2kSiz(long tiles, int components, int precision, boolean signed) {

    /** More tiles than this is legal JPEG 2000 but not worth OpenJPEG's per-tile bookkeeping. */
    static final long MAX_NATIVE_TILES = 4096;

    private static final Logger LOG = LoggerFactory.getLogger(J2kSiz.class);
    private static final String CODEC = "JPEG 2000";
    private static final int SOC = 0xFF4F;
    private static final int SIZ = 0xFF51;
    private static final byte[] JP2_SIGNATURE = {0, 0, 0, 12, 'j', 'P', ' ', ' ', 13, 10, (byte) 0x87, 10};

    /**
     * @return the SIZ when OpenJPEG may decode the frame; empty when jai-imageio should
     * @throws CodecException when the frame is not a valid code stream for this dataset
     */
    static Optional<J2kSiz> check(byte[] frame, FrameInfo info) throws CodecException {
        if (startsWith(frame, JP2_SIGNATURE)) {
            LOG.debug("JPEG 2000: a JP2 file, not a raw code stream: Java decoder");
            return Optional.empty();
        }
        if (frame.length < 2 || u16(frame, 0) != SOC) {
            throw new CodecException(CODEC + ": neither a code stream (SOC marker FF4F) nor a JP2 file");
        }
        if (frame.length < 4 + 38 + 3 || u16(frame, 2) != SIZ) {
            throw new CodecException(CODEC + ": no SIZ marker segment after SOC (" + frame.length + " bytes)");
        }
        int lsiz = u16(frame, 4);
        int csiz = u16(frame, 40);
        if (csiz < 1 || csiz > 16384 || lsiz != 38 + 3 * csiz || frame.length < 4 + lsiz) {
            throw new CodecException(CODEC + ": SIZ length " + lsiz + " does not fit " + csiz + " components");
        }
        long xsiz = u32(frame, 8);
        long ysiz = u32(frame, 12);
        long xosiz = u32(frame, 16);
        long yosiz = u32(frame, 20);
        long xtsiz = u32(frame, 24);
        long ytsiz = u32(frame, 28);
        long xtosiz = u32(frame, 32);
        long ytosiz = u32(frame, 36);
        if (xosiz >= xsiz || yosiz >= ysiz || xsiz - xosiz != info.columns() || ysiz - yosiz != info.rows()) {
            throw new CodecException(CODEC + ": code stream is " + (xsiz - xosiz) + "x" + (ysiz - yosiz)
                    + " but the dataset says " + info.columns() + "x" + info.rows());
        }
        if (xtsiz == 0 || ytsiz == 0 || xtosiz > xosiz || ytosiz > yosiz
                || xtosiz + xtsiz <= xosiz || ytosiz + ytsiz <= yosiz) {
            throw new CodecException(CODEC + ": invalid tile grid in SIZ (tile " + xtsiz + "x" + ytsiz
                    + " at " + xtosiz + "," + ytosiz + ", image at " + xosiz + "," + yosiz + ")");
        }
        long tiles = ceilDiv(xsiz - xtosiz, xtsiz) * ceilDiv(ysiz - ytosiz, ytsiz);
        if (tiles > 65535) {
            throw new CodecException(CODEC + ": " + tiles + " tiles (at most 65535)");
        }
        int ssiz = frame[42] & 0xFF;
        boolean subsampled = false;
        boolean mixed = false;
        for (int c = 0; c < csiz; c++) {
            int at = 42 + 3 * c;
            int s = frame[at] & 0xFF;
            int precision = (s & 0x7F) + 1;
            if (precision > 38 || precision > info.bitsAllocated()) {
                throw new CodecException(CODEC + ": component " + c + " has " + precision
                        + "-bit samples but the dataset allocates " + info.bitsAllocated());
            }
            if (frame[at + 1] == 0 || frame[at + 2] == 0 || (info.samplesPerPixel() == 1 && c == 0
                    && (frame[at + 1] != 1 || frame[at + 2] != 1))) {
                throw new CodecException(CODEC + ": component " + c + " sub-sampling " + (frame[at + 1] & 0xFF)
                        + "x" + (frame[at + 2] & 0xFF) + " is invalid here");
            }
            subsampled |= frame[at + 1] != 1 || frame[at + 2] != 1;
            mixed |= s != ssiz;
        }
        J2kPacketBudget.check(frame, 4 + lsiz, csiz, tiles, Math.min(xtsiz, info.columns()), Math.min(ytsiz, info.rows()));
        J2kSiz siz = new J2kSiz(tiles, csiz, (ssiz & 0x7F) + 1, (ssiz & 0x80) != 0);
        String javaBecause = csiz != info.samplesPerPixel() ? csiz + " components for " + info.samplesPerPixel() + " samples"
                : subsampled ? "sub-sampled components"
                : mixed ? "components of different precision or sign"
                : siz.signed() && csiz != 1 ? "signed colour"
                : siz.precision() > 16 ? siz.precision() + "-bit samples"
                : tiles > MAX_NATIVE_TILES ? tiles + " tiles"
                : null;
        if (javaBecause != null) {
            LOG.debug("JPEG 2000: Java decoder for this frame ({})", javaBecause);
            return Optional.empty();
        }
        return Optional.of(siz);
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    private static long u32(byte[] b, int at) {
        return (long) u16(b, at) << 16 | u16(b, at + 2);
    }
}
