package org.cxrstudio.core.dicom.codec;

/**
 * Reads the entropy-coded segment of an ISO 10918 scan, most significant bit first: removes
 * the stuffed zero byte after each 0xFF and stops at the first marker. Past the end of the data
 * or at a marker it supplies zero bits and counts them, so a decoder checks {@link #overrun()}
 * once per row instead of testing every read (a truncated stream therefore cannot loop: each
 * Huffman code consumes at least one bit and the sample count is bounded).
 */
final class JpegBitReader extends EntropyBitReader {

    JpegBitReader(byte[] data, int pos) {
        super(data, pos, 0x01);
    }

    private void fill() {
        while (bits <= 56) {
            int b = 0;
            if (atMarker || pos >= data.length) {
                paddedBits += 8;
            } else {
                b = data[pos] & 0xFF;
                if (b == 0xFF) {
                    int next = pos + 1 < data.length ? data[pos + 1] & 0xFF : -1;
                    if (next == 0) {
                        pos += 2;
                    } else if (next == 0xFF) {
                        pos++; // fill byte before a marker
                        continue;
                    } else {
                        atMarker = true;
                        b = 0;
                        paddedBits += 8;
                    }
                } else {
                    pos++;
                }
            }
            buffer = buffer << 8 | b;
            bits += 8;
        }
    }

    /** The next {@code n} bits (1..16) without consuming them. */
    int peek(int n) {
        if (bits < n) {
            fill();
        }
        return (int) (buffer >>> (bits - n)) & ((1 << n) - 1);
    }

    void skip(int n) {
        bits -= n;
    }

    /** Reads {@code n} bits (0..16). */
    int read(int n) {
        if (n == 0) {
            return 0;
        }
        int v = peek(n);
        bits -= n;
        return v;
    }
}
