package org.cxrstudio.core.dicom.codec;

/**
 * Bounds the number of packets a JPEG 2000 decoder will iterate over, from the main header's
 * COD and COC segments: tiles × layers × Σ over components and resolutions of precincts.
 * Decoders walk every packet position even when the data has run out, so a corrupt layer count
 * (65 535) or tiny precincts on a many-tile image make OpenJPEG and jj2000 busy for minutes on a
 * few kilobytes (measured: 256 tiles × 65 535 layers took {@code opj_decompress} 2.5 s). Real
 * radiographs need tens to thousands of packets. Tile-part COD/COC overrides are not read.
 */
final class J2kPacketBudget {

    /** About half a second of packet iteration for OpenJPEG. */
    static final long MAX_PACKETS = 10_000_000L;

    private static final String CODEC = "JPEG 2000";
    private static final int COD = 0xFF52;
    private static final int COC = 0xFF53;
    private static final int SOT = 0xFF90;

    private J2kPacketBudget() {
    }

    /**
     * @param frame      the code stream, SIZ already checked
     * @param at         offset of the marker after SIZ
     * @param components Csiz
     * @param tiles      number of tiles
     * @param tileWidth  nominal tile width on the reference grid, clipped to the image
     * @param tileHeight nominal tile height, clipped to the image
     * @throws CodecException when the main header's coding style gives more than {@link #MAX_PACKETS}
     */
    static void check(byte[] frame, int at, int components, long tiles, long tileWidth, long tileHeight)
            throws CodecException {
        int layers = 1;
        int[] levels = new int[components];
        int[][] precincts = new int[components][]; // PPx | PPy << 4 per resolution, null = maximal
        int segments = 0;
        while (at + 4 <= frame.length && segments++ < 256) {
            int marker = u16(frame, at);
            if (marker == SOT || (marker & 0xFF00) != 0xFF00) {
                break;
            }
            int length = u16(frame, at + 2);
            int body = at + 4;
            int end = at + 2 + length;
            if (length < 2 || end > frame.length) {
                break; // the decoder will report it
            }
            if (marker == COD && end - body >= 10) {
                int scod = frame[body] & 0xFF;
                layers = u16(frame, body + 2);
                int d = frame[body + 5] & 0xFF;
                int[] pp = (scod & 1) != 0 ? readPrecincts(frame, body + 10, end, d) : null;
                for (int c = 0; c < components; c++) {
                    levels[c] = d;
                    precincts[c] = pp;
                }
            } else if (marker == COC) {
                int index = components < 257 ? 1 : 2;
                if (end - body >= index + 6) {
                    int c = index == 1 ? frame[body] & 0xFF : u16(frame, body);
                    int scoc = frame[body + index] & 0xFF;
                    int d = frame[body + index + 1] & 0xFF;
                    if (c < components) {
                        levels[c] = d;
                        precincts[c] = (scoc & 1) != 0 ? readPrecincts(frame, body + index + 6, end, d) : null;
                    }
                }
            }
            at = end;
        }
        long perLayer = 0;
        for (int c = 0; c < components; c++) {
            for (int r = 0; r <= Math.min(levels[c], 32); r++) {
                int shift = levels[c] - r;
                long w = shift >= 63 ? 1 : Math.max(1, (tileWidth + (1L << shift) - 1) >> shift);
                long h = shift >= 63 ? 1 : Math.max(1, (tileHeight + (1L << shift) - 1) >> shift);
                int pp = precincts[c] == null || r >= precincts[c].length ? 0xFF : precincts[c][r];
                int ppx = Math.min(pp & 0xF, 15);
                int ppy = Math.min(pp >> 4 & 0xF, 15);
                perLayer += precincts(w, ppx) * precincts(h, ppy);
            }
        }
        long packets = tiles * Math.max(1, layers) * perLayer;
        if (packets > MAX_PACKETS) {
            throw new CodecException(CODEC + ": " + packets + " packets (" + tiles + " tiles × " + layers
                    + " layers × " + perLayer + " precincts) is beyond any radiograph");
        }
    }

    /** Precincts of size 2^pp across {@code size} samples; one more when the grid may be offset. */
    private static long precincts(long size, int pp) {
        long p = 1L << pp;
        return size <= p ? 1 : (size + p - 1) / p + 1;
    }

    private static int[] readPrecincts(byte[] frame, int from, int end, int levels) {
        int n = Math.max(0, Math.min(levels + 1, end - from));
        int[] pp = new int[n];
        for (int i = 0; i < n; i++) {
            pp[i] = frame[from + i] & 0xFF;
        }
        return pp;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }
}
