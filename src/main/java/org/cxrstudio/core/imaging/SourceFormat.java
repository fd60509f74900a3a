package org.cxrstudio.core.imaging;

/**
 * A radiograph file format recognised from the first bytes of the content, never from the
 * file name (clinic exports often have no extension or the wrong one).
 */
public enum SourceFormat {
    /** DICOM Part 10 with the 128-byte preamble and {@code DICM} prefix. */
    DICOM,
    /** A bare DICOM dataset (no preamble): starts with a group 0002 or 0008 element. */
    DICOM_NO_PREAMBLE,
    /** PNG signature {@code 89 50 4E 47 0D 0A 1A 0A}. */
    PNG,
    /** JPEG/JFIF: starts with SOI {@code FF D8 FF}. */
    JPEG,
    /** Anything else. */
    UNKNOWN;

    /** Bytes to read from the start of a file for {@link #sniff}. */
    public static final int HEAD_BYTES = 132;

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    /**
     * Recognises the format from the start of a file.
     *
     * @param head the first up-to-{@link #HEAD_BYTES} bytes (fewer for short files)
     * @param len  number of valid bytes in {@code head}
     */
    public static SourceFormat sniff(byte[] head, int len) {
        if (len >= 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M') {
            return DICOM;
        }
        if (len >= 8 && startsWith(head, PNG_MAGIC)) {
            return PNG;
        }
        if (len >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
            return JPEG;
        }
        if (len >= 12 && looksLikeDataset(head)) {
            return DICOM_NO_PREAMBLE;
        }
        return UNKNOWN;
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * A bare dataset starts with a little-endian tag in group 0002 (meta), 0008 (identification)
     * or, rarely, another low even group, followed by either a valid explicit VR or a 32-bit
     * implicit length; both are checked so that random text is not taken for DICOM.
     */
    private static boolean looksLikeDataset(byte[] h) {
        int group = (h[0] & 0xFF) | (h[1] & 0xFF) << 8;
        int element = (h[2] & 0xFF) | (h[3] & 0xFF) << 8;
        if (group != 0x0002 && group != 0x0008) {
            return false;
        }
        if (element > 0x0100) {
            return false;
        }
        boolean upper = h[4] >= 'A' && h[4] <= 'Z' && h[5] >= 'A' && h[5] <= 'Z';
        if (upper) {
            return true;
        }
        long implicitLength = (h[4] & 0xFFL) | (h[5] & 0xFFL) << 8 | (h[6] & 0xFFL) << 16 | (h[7] & 0xFFL) << 24;
        return implicitLength < 1 << 16;
    }
}
