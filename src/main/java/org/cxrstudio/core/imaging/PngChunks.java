package org.cxrstudio.core.imaging;

/**
 * Walks the chunk list of a PNG before ImageIO sees it, so that a truncated file or a chunk
 * claiming more bytes than the file holds is reported clearly (and never makes the decoder
 * allocate a buffer of the claimed size).
 */
final class PngChunks {
    private PngChunks() { }

    /** @throws ImageReadException if a chunk runs past the end or IEND is missing */
    static void check(String name, byte[] d) throws ImageReadException {
        int pos = 8;
        boolean first = true;
        while (true) {
            if (pos + 12 > d.length) {
                throw new ImageReadException(name + ": truncated PNG (no IEND chunk; file ends at byte " + d.length + ")");
            }
            long len = (d[pos] & 0xFFL) << 24 | (d[pos + 1] & 0xFFL) << 16 | (d[pos + 2] & 0xFFL) << 8 | (d[pos + 3] & 0xFFL);
            String type = new String(d, pos + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (first && !"IHDR".equals(type)) {
                throw new ImageReadException(name + ": corrupt PNG (first chunk is not IHDR)");
            }
            first = false;
            if (len > d.length - pos - 12L) {
                throw new ImageReadException(name + ": truncated or corrupt PNG (chunk " + printable(type)
                        + " at byte " + pos + " claims " + len + " bytes, file has " + (d.length - pos - 12) + " left)");
            }
            pos += 12 + (int) len;
            if ("IEND".equals(type)) {
                return;
            }
        }
    }

    private static String printable(String type) {
        return type.chars().allMatch(c -> c >= 0x20 && c < 0x7F) ? type : "(binary)";
    }
}
