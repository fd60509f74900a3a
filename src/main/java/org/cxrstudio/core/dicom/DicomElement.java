package org.cxrstudio.core.dicom;

import java.util.List;

/**
 * One parsed data element: a view of its value bytes inside the (possibly inflated) file
 * buffer, plus its items when it is a sequence or its fragments when it is encapsulated pixel
 * data. Values are decoded lazily by {@link DicomDataset}.
 *
 * @param tag       {@code (group << 16) | element}
 * @param vr        two-letter value representation; from the file for explicit VR, from a small
 *                  dictionary (or {@code UN}) for implicit VR
 * @param buffer    the bytes the value lives in (shared, never modified)
 * @param offset    value start in {@code buffer}
 * @param length    value length in bytes (0 for undefined-length elements)
 * @param bigEndian byte order of binary values
 * @param items     sequence items (empty if not a sequence)
 * @param fragments encapsulated pixel data items as {@code [offset, length]} pairs in
 *                  {@code buffer}, the first being the basic offset table; empty if native
 */
public record DicomElement(int tag, String vr, byte[] buffer, int offset, int length, boolean bigEndian,
                           List<DicomDataset> items, List<int[]> fragments) {

    /** True if the pixel data is encapsulated (compressed fragments). */
    public boolean encapsulated() {
        return !fragments.isEmpty();
    }

    /** Unsigned 16-bit value {@code index} (0-based) in the element's byte order. */
    int u16(int index) {
        int p = offset + 2 * index;
        int a = buffer[p] & 0xFF;
        int b = buffer[p + 1] & 0xFF;
        return bigEndian ? (a << 8) | b : (b << 8) | a;
    }

    /** Unsigned 32-bit value {@code index} (0-based) in the element's byte order. */
    long u32(int index) {
        int p = offset + 4 * index;
        long a = u16At(p);
        long b = u16At(p + 2);
        return bigEndian ? (a << 16) | b : (b << 16) | a;
    }

    private int u16At(int p) {
        int a = buffer[p] & 0xFF;
        int b = buffer[p + 1] & 0xFF;
        return bigEndian ? (a << 8) | b : (b << 8) | a;
    }
}
