package org.cxrstudio.core.dicom.codec;

/**
 * Reads a JPEG-LS (ITU-T T.87) entropy-coded segment, most significant bit first. After each
 * 0xFF data byte the next byte's top bit is a stuffed zero and only its low 7 bits are data;
 * 0xFF followed by a byte with the top bit set is a marker and ends the segment. Past the end
 * it supplies zero bits and counts them, so decoders check {@link #overrun()} once per line.
 */
final class JpegLsBitReader extends EntropyBitReader {

    private boolean afterFf;

    JpegLsBitReader(byte[] data, int pos) {
        super(data, pos, 0x80);
    }

    private void fill() {
        while (bits <= 56) {
            if (atMarker || pos >= data.length) {
                buffer <<= 8;
                bits += 8;
                paddedBits += 8;
                continue;
            }
            int b = data[pos] & 0xFF;
            if (b == 0xFF && pos + 1 < data.length && (data[pos + 1] & 0x80) != 0) {
                atMarker = true;
                continue;
            }
            pos++;
            if (afterFf) {
                buffer = buffer << 7 | (b & 0x7F);
                bits += 7;
            } else {
                buffer = buffer << 8 | b;
                bits += 8;
            }
            afterFf = b == 0xFF;
        }
    }

    /** Reads {@code n} bits, 0..31. */
    int read(int n) {
        if (n == 0) {
            return 0;
        }
        if (bits < n) {
            fill();
        }
        bits -= n;
        return (int) (buffer >>> bits) & (int) ((1L << n) - 1);
    }

    /** Reads one bit. */
    boolean readBit() {
        return read(1) != 0;
    }

    /**
     * Counts zero bits up to and including the next one bit (the unary part of a Golomb code).
     *
     * @param limit the most zeros a valid code can have
     */
    int readZeros(int limit) throws CodecException {
        int zeros = 0;
        while (true) {
            if (bits < 16) {
                fill();
            }
            int window = (int) (buffer >>> (bits - 16)) & 0xFFFF;
            if (window != 0) {
                int lead = Integer.numberOfLeadingZeros(window) - 16;
                bits -= lead + 1;
                zeros += lead;
                break;
            }
            bits -= 16;
            zeros += 16;
            if (zeros > limit) {
                break;
            }
        }
        if (zeros > limit) {
            throw new CodecException("JPEG-LS: invalid Golomb code (" + zeros + " leading zeros, at most " + limit + ")");
        }
        return zeros;
    }

    @Override
    void resetStuffing() {
        afterFf = false;
    }
}
