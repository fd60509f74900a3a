package org.cxrstudio.core.dicom;

import java.io.ByteArrayOutputStream;

/**
 * DICOM RLE Lossless encoder (PS3.5 Annex G) for one gray frame of 8- or 16-bit samples: one
 * segment per byte plane (most significant first), each row PackBits-encoded separately, each
 * segment padded to even length, behind the 64-byte RLE header. Used by {@link DicomWriter}
 * for the compressed sample images and codec round-trip tests. Stateless, thread-safe.
 */
final class RleEncoder {
    private RleEncoder() { }

    /**
     * @param samples       row-major values (low 8 or 16 bits used)
     * @param columns       row length
     * @param bytesPerSample 1 or 2
     * @return the frame: RLE header followed by the segments
     */
    static byte[] encode(int[] samples, int columns, int bytesPerSample) {
        byte[][] segments = new byte[bytesPerSample][];
        for (int s = 0; s < bytesPerSample; s++) {
            int shift = 8 * (bytesPerSample - 1 - s);
            ByteArrayOutputStream seg = new ByteArrayOutputStream();
            byte[] row = new byte[columns];
            for (int start = 0; start < samples.length; start += columns) {
                for (int x = 0; x < columns; x++) {
                    row[x] = (byte) (samples[start + x] >> shift);
                }
                packBits(row, seg);
            }
            if (seg.size() % 2 == 1) {
                seg.write(0);
            }
            segments[s] = seg.toByteArray();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int[] header = new int[16];
        header[0] = bytesPerSample;
        int offset = 64;
        for (int s = 0; s < bytesPerSample; s++) {
            header[1 + s] = offset;
            offset += segments[s].length;
        }
        for (int h : header) {
            out.write(h);
            out.write(h >> 8);
            out.write(h >> 16);
            out.write(h >> 24);
        }
        for (byte[] seg : segments) {
            out.writeBytes(seg);
        }
        return out.toByteArray();
    }

    /** PackBits: runs of 2..128 equal bytes as {@code 1-n, b}; literals as {@code n-1, bytes}. */
    static void packBits(byte[] row, ByteArrayOutputStream out) {
        int i = 0;
        while (i < row.length) {
            int run = 1;
            while (i + run < row.length && run < 128 && row[i + run] == row[i]) {
                run++;
            }
            if (run >= 2) {
                out.write(1 - run);
                out.write(row[i]);
                i += run;
                continue;
            }
            int lit = 1;
            while (i + lit < row.length && lit < 128
                    && !(i + lit + 1 < row.length && row[i + lit] == row[i + lit + 1])) {
                lit++;
            }
            out.write(lit - 1);
            out.write(row, i, lit);
            i += lit;
        }
    }
}
