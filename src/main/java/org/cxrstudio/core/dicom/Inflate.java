package org.cxrstudio.core.dicom;

import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inflates the dataset of a Deflated Explicit VR Little Endian file under a hard output limit
 * ({@link HeapBudget#maxInflatedBytes()}: the user cap and a quarter of the heap), so a deflate
 * bomb (a few MB expanding to gigabytes) fails with a {@link DicomException} instead of ending
 * the JVM. The output buffer starts small and doubles with the data actually produced, but never
 * past the limit: the largest buffer ever allocated is the limit itself, and the check comes
 * before the allocation. Stateless and thread-safe.
 */
final class Inflate {
    private static final int INITIAL_BYTES = 1 << 16;

    private Inflate() { }

    static byte[] inflate(byte[] data, int offset, String source) throws DicomException {
        int limit = HeapBudget.maxInflatedBytes();
        try {
            return run(data, offset, true, limit, source);
        } catch (DataFormatException raw) {
            try { // some writers wrongly add the zlib header
                return run(data, offset, false, limit, source);
            } catch (DataFormatException e) {
                throw new DicomException(source + ": corrupt deflated dataset (" + raw.getMessage() + ")", raw);
            }
        }
    }

    /**
     * @param limit the most bytes the output may reach; one more is an error
     */
    static byte[] run(byte[] data, int offset, boolean nowrap, int limit, String source)
            throws DataFormatException, DicomException {
        Inflater inf = new Inflater(nowrap);
        try {
            inf.setInput(data, offset, data.length - offset);
            byte[] out = grow(null, Math.min(limit, Math.max(INITIAL_BYTES, (data.length - offset) * 4L)), source);
            int n = 0;
            while (!inf.finished()) {
                if (n == out.length) {
                    if (out.length >= limit) {
                        if (inf.inflate(new byte[1]) > 0) {
                            throw tooLarge(source, limit);
                        }
                        if (inf.finished()) {
                            break; // the stream ends exactly at the limit
                        }
                        throw truncated(source);
                    }
                    out = grow(out, Math.min(limit, out.length * 2L), source);
                }
                int k = inf.inflate(out, n, out.length - n);
                n += k;
                if (k == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    throw truncated(source);
                }
            }
            return n == out.length ? out : Arrays.copyOf(out, n);
        } finally {
            inf.end();
        }
    }

    private static DicomException truncated(String source) {
        return new DicomException(source + ": deflated dataset is truncated");
    }

    private static DicomException tooLarge(String source, int limit) {
        return new DicomException(source + ": deflated dataset inflates beyond " + HeapBudget.mib(limit)
                + " MB (limit: the smaller of -D" + HeapBudget.MAX_INFLATED_MB_PROPERTY + ", default "
                + HeapBudget.DEFAULT_MAX_INFLATED_MB + ", and a quarter of the " + HeapBudget.mib(HeapBudget.maxHeapBytes())
                + " MB heap; deflate bomb?)");
    }

    /**
     * A new buffer of {@code size} bytes holding {@code old}'s bytes. The limit keeps sizes well
     * inside the heap; should the heap still be too full (other work in flight), the refused
     * allocation becomes a clear error instead of ending the caller. Only this one array is
     * being allocated, so recovering from its failure is safe.
     */
    private static byte[] grow(byte[] old, long size, String source) throws DicomException {
        try {
            return old == null ? new byte[(int) size] : Arrays.copyOf(old, (int) size);
        } catch (OutOfMemoryError e) {
            throw new DicomException(source + ": not enough memory to inflate the dataset (" + HeapBudget.mib(size)
                    + " MB buffer, " + HeapBudget.mib(HeapBudget.maxHeapBytes()) + " MB heap)", e);
        }
    }
}
