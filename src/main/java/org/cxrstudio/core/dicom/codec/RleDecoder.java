package org.cxrstudio.core.dicom.codec;

/**
 * DICOM RLE Lossless (1.2.840.10008.1.2.5, PS3.5 Annex G).
 *
 * <p>A frame is a 64-byte header (segment count, then 15 little-endian segment offsets)
 * followed by PackBits-coded segments: one segment per byte of each sample, most significant
 * byte first, samples in order (for RGB: R, G, B planes). Each segment must decode to exactly
 * {@code rows × columns} bytes; extra trailing bytes (encoder padding) are ignored, a short
 * segment or an offset outside the frame is an error. Stateless and thread-safe.
 */
public final class RleDecoder implements FrameDecoder {

    private static final int HEADER_BYTES = 64;

    @Override
    public int[] decode(byte[] frame, FrameInfo info) throws CodecException {
        Frames.checkGeometry("RLE", info);
        if (info.bitsAllocated() != 8 && info.bitsAllocated() != 16) {
            throw new CodecException("RLE: bits allocated " + info.bitsAllocated() + " is not supported (8 or 16)");
        }
        if (frame.length < HEADER_BYTES) {
            throw new CodecException("RLE: frame is " + frame.length + " bytes, shorter than the 64-byte header");
        }
        int bytesPerSample = info.bitsAllocated() / 8;
        int spp = info.samplesPerPixel();
        int expected = bytesPerSample * spp;
        long segments = readUint32(frame, 0);
        if (segments != expected) {
            throw new CodecException("RLE: header declares " + segments + " segments, expected " + expected
                    + " for " + spp + " sample(s) of " + info.bitsAllocated() + " bits");
        }
        int pixels = info.rows() * info.columns();
        int[] out = new int[pixels * spp];
        byte[] plane = new byte[pixels];
        for (int s = 0; s < expected; s++) {
            long start = readUint32(frame, 4 + 4 * s);
            long end = s + 1 < expected ? readUint32(frame, 8 + 4 * s) : frame.length;
            if (start < HEADER_BYTES || start > frame.length) {
                throw new CodecException("RLE: segment " + (s + 1) + " offset " + start
                        + " is outside the frame (" + frame.length + " bytes)");
            }
            if (end < start || end > frame.length) {
                // a bad next offset: let this segment run to the end of the frame
                end = frame.length;
            }
            unpack(frame, (int) start, (int) end, plane, s + 1);
            int sample = s / bytesPerSample;
            int shift = 8 * (bytesPerSample - 1 - s % bytesPerSample);
            for (int p = 0, o = sample; p < pixels; p++, o += spp) {
                out[o] |= (plane[p] & 0xFF) << shift;
            }
        }
        return out;
    }

    /** PackBits: n in 0..127 copies n+1 literal bytes, -127..-1 repeats the next byte 1-n times, -128 is a no-op. */
    private static void unpack(byte[] in, int pos, int end, byte[] out, int segment) throws CodecException {
        int o = 0;
        while (o < out.length) {
            if (pos >= end) {
                throw new CodecException("RLE: segment " + segment + " ends after " + o + " of " + out.length + " bytes");
            }
            int n = in[pos++];
            if (n >= 0) {
                int count = Math.min(n + 1, out.length - o);
                if (pos + count > end) {
                    throw new CodecException("RLE: segment " + segment + " literal run is truncated at byte " + pos);
                }
                System.arraycopy(in, pos, out, o, count);
                pos += count;
                o += count;
            } else if (n != -128) {
                if (pos >= end) {
                    throw new CodecException("RLE: segment " + segment + " replicate run is truncated at byte " + pos);
                }
                int count = Math.min(1 - n, out.length - o);
                java.util.Arrays.fill(out, o, o + count, in[pos++]);
                o += count;
            }
        }
    }

    private static long readUint32(byte[] b, int off) {
        return (b[off] & 0xFFL) | (b[off + 1] & 0xFFL) << 8 | (b[off + 2] & 0xFFL) << 16 | (b[off + 3] & 0xFFL) << 24;
    }
}
