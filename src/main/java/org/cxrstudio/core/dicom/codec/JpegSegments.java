package org.cxrstudio.core.dicom.codec;

/**
 * Walks the marker segments of a JPEG-family code stream (ISO 10918-1 B.1.1, ITU-T T.87 C.1)
 * from just after SOI: skips fill bytes (0xFF before a marker) and the stand-alone markers TEM
 * and RST0..7, ends at EOI or at the end of the data (a missing EOI is tolerated), and checks
 * each segment's length against the data before a decoder reads its body. The one place that
 * knows the segment framing; decoders dispatch on the marker. After SOS the caller decodes the
 * entropy-coded data that follows {@link #end()} and continues with {@link #endScan(int)}.
 * Not thread-safe; one per decode call.
 */
final class JpegSegments {

    static final int SOS = 0xDA;
    static final int EOI = 0xD9;
    static final int DHT = 0xC4;
    static final int DQT = 0xDB;
    static final int DRI = 0xDD;
    static final int LSE = 0xF8;

    private final byte[] data;
    private final String codec;
    private int pos;
    private int body;
    private int end;
    private int scans;

    /** Starts after the two SOI bytes; the caller has checked them or does not care. */
    JpegSegments(byte[] data, String codec) {
        this.data = data;
        this.codec = codec;
        this.pos = 2;
    }

    /**
     * Moves to the next marker segment.
     *
     * @return the marker's second byte, or -1 at EOI or the end of the data
     * @throws CodecException if something other than a marker is found where one must be, or a
     *                        segment length is below 2 or runs past the data
     */
    int next() throws CodecException {
        while (pos + 1 < data.length) {
            if ((data[pos] & 0xFF) != 0xFF) {
                throw new CodecException(codec + ": expected a marker at byte " + pos);
            }
            int marker = data[pos + 1] & 0xFF;
            if (marker == 0xFF) {
                pos++; // fill byte
                continue;
            }
            pos += 2;
            if (marker == EOI) {
                return -1;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                continue; // stand-alone: TEM, RSTn
            }
            int length = u16(data, pos, codec);
            if (length < 2 || pos + length > data.length) {
                throw new CodecException(codec + ": marker segment 0xFF" + hex(marker) + " at byte " + (pos - 2)
                        + " has a bad length " + length);
            }
            body = pos + 2;
            end = pos + length;
            pos = end;
            return marker;
        }
        return -1;
    }

    /** Byte position of the current segment's body (after its length field). */
    int body() {
        return body;
    }

    /** Byte position just past the current segment; after SOS, where the entropy-coded data starts. */
    int end() {
        return end;
    }

    /** The current segment's length field: body size plus 2. */
    int length() {
        return end - body + 2;
    }

    /** Counts a decoded scan and continues the walk at {@code position}, the marker after its entropy-coded data. */
    void endScan(int position) {
        pos = position;
        scans++;
    }

    /** @throws CodecException if the walk ended without a scan: the code stream holds no image */
    void requireScan() throws CodecException {
        if (scans == 0) {
            throw new CodecException(codec + ": no scan (SOS) found");
        }
    }

    /** True for the start-of-frame markers SOF0..SOF15 of ISO 10918 (not DHT, JPG or DAC). */
    static boolean isSof(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != DHT && marker != 0xC8 && marker != 0xCC;
    }

    /** The big-endian 16-bit value at {@code at}. */
    static int u16(byte[] data, int at, String codec) throws CodecException {
        if (at + 1 >= data.length) {
            throw new CodecException(codec + ": header is truncated");
        }
        return (data[at] & 0xFF) << 8 | (data[at + 1] & 0xFF);
    }

    static String hex(int marker) {
        return Integer.toHexString(marker).toUpperCase();
    }
}
