package org.cxrstudio.core.dicom.codec;

/**
 * One ISO 10918 Huffman table (Annex C) for decoding: a 9-bit lookahead table for the common
 * short codes and the canonical max-code arrays (Annex F.2.2.3) for the rest.
 */
final class HuffmanTable {

    private static final int LOOKAHEAD = 9;

    private final int[] lookup = new int[1 << LOOKAHEAD];
    private final int[] maxCode = new int[18];
    private final int[] valPtr = new int[17];
    private final int[] minCode = new int[17];
    private final int[] values;

    /**
     * @param counts number of codes of each length 1..16 ({@code counts[0]} is length 1)
     * @param values the symbols in code order
     */
    HuffmanTable(int[] counts, int[] values) throws CodecException {
        this.values = values;
        int code = 0;
        int k = 0;
        for (int len = 1; len <= 16; len++) {
            valPtr[len] = k;
            minCode[len] = code;
            int n = counts[len - 1];
            for (int i = 0; i < n; i++, k++, code++) {
                if (code >= 1 << len) {
                    throw new CodecException("JPEG: Huffman table has too many codes of length " + len);
                }
                if (len <= LOOKAHEAD) {
                    int shift = LOOKAHEAD - len;
                    int entry = len << 16 | values[k];
                    for (int j = code << shift; j < (code + 1) << shift; j++) {
                        lookup[j] = entry;
                    }
                }
            }
            maxCode[len] = n == 0 ? -1 : code - 1;
            code <<= 1;
        }
        maxCode[17] = Integer.MAX_VALUE;
    }

    /** Decodes one symbol; a code that is not in the table is corrupt data. */
    int decode(JpegBitReader in) throws CodecException {
        int entry = lookup[in.peek(LOOKAHEAD)];
        if (entry != 0) {
            in.skip(entry >>> 16);
            return entry & 0xFFFF;
        }
        int word = in.peek(16);
        for (int len = LOOKAHEAD + 1; len <= 16; len++) {
            int code = word >>> (16 - len);
            if (code <= maxCode[len] && code >= minCode[len]) {
                in.skip(len);
                return values[valPtr[len] + code - minCode[len]];
            }
        }
        throw new CodecException("JPEG: invalid Huffman code in the entropy-coded data");
    }

    /** Receives each table of a DHT segment. */
    @FunctionalInterface
    interface Sink {
        /** @param tcTh the table class (high nibble: 0 DC or lossless, 1 AC) and destination (low nibble) */
        void accept(int tcTh, HuffmanTable table);
    }

    /**
     * Reads the tables of a DHT segment body (B.2.4.2) between {@code p} and {@code end}.
     *
     * @throws CodecException if a table is truncated, does not fit its segment or has too many codes
     */
    static void readSegment(byte[] data, int p, int end, String codec, Sink sink) throws CodecException {
        while (p < end) {
            if (p + 17 > end) {
                throw new CodecException(codec + ": truncated Huffman table");
            }
            int tcTh = data[p] & 0xFF;
            int[] counts = new int[16];
            int total = 0;
            for (int i = 0; i < 16; i++) {
                counts[i] = data[p + 1 + i] & 0xFF;
                total += counts[i];
            }
            if (total > 256 || p + 17 + total > end) {
                throw new CodecException(codec + ": Huffman table with " + total + " codes does not fit its segment");
            }
            int[] values = new int[total];
            for (int i = 0; i < total; i++) {
                values[i] = data[p + 17 + i] & 0xFF;
            }
            sink.accept(tcTh, new HuffmanTable(counts, values));
            p += 17 + total;
        }
    }
}
