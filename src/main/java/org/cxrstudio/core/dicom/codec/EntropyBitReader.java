package org.cxrstudio.core.dicom.codec;

/**
 * What the two entropy-coded segment readers share: the bit buffer, the count of zero bits
 * supplied past the end of the data (so a decoder checks {@link #overrun()} once per row
 * instead of testing every read), and the search for the marker that ends a scan or a restart
 * interval. The hot {@code read}/{@code peek} paths and the byte-unstuffing rule stay in the
 * final subclasses; nothing here is called per sample.
 */
abstract sealed class EntropyBitReader permits JpegBitReader, JpegLsBitReader {

    final byte[] data;
    int pos;
    long buffer;
    int bits;
    int paddedBits;
    boolean atMarker;
    /** Smallest second byte after 0xFF that is a marker: 0x01 for ISO 10918, 0x80 for JPEG-LS. */
    private final int minMarkerCode;

    EntropyBitReader(byte[] data, int pos, int minMarkerCode) {
        this.data = data;
        this.pos = pos;
        this.minMarkerCode = minMarkerCode;
    }

    /** True once the decoder has consumed bits that were not in the data. */
    final boolean overrun() {
        return bits < paddedBits;
    }

    /** Clears the unstuffing state of the subclass when the bit buffer is dropped. */
    void resetStuffing() {
    }

    /** Drops the remaining bits and moves to the next marker; returns its code or -1 at the end. */
    final int nextMarker() {
        buffer = 0;
        bits = 0;
        paddedBits = 0;
        atMarker = false;
        resetStuffing();
        while (pos + 1 < data.length) {
            int code = data[pos + 1] & 0xFF;
            if ((data[pos] & 0xFF) == 0xFF && code >= minMarkerCode && code != 0xFF) {
                return code;
            }
            pos++;
        }
        pos = data.length;
        return -1;
    }

    /** Consumes the marker found by {@link #nextMarker()}. */
    final void skipMarker() {
        pos += 2;
    }

    /** Byte position of the marker found by {@link #nextMarker()}. */
    final int position() {
        return pos;
    }

    /** After a scan: the byte position of the marker that follows it, or the end of the data. */
    final int endOfScan() {
        return nextMarker() < 0 ? data.length : pos;
    }

    /** At the end of a restart interval: consumes the RSTn marker that must follow. */
    final void restart(String codec) throws CodecException {
        int marker = nextMarker();
        if (marker < 0xD0 || marker > 0xD7) {
            throw new CodecException(codec + ": expected a restart marker, found "
                    + (marker < 0 ? "the end of the data" : "0xFF" + Integer.toHexString(marker).toUpperCase()));
        }
        skipMarker();
    }
}
