package org.cxrstudio.core.dicom;

/**
 * Memory limits derived from the JVM's maximum heap ({@link Runtime#maxMemory()}, i.e.
 * {@code -Xmx}), so that a hostile or corrupt file is refused with a clear error before an
 * allocation could end the JVM with {@link OutOfMemoryError}, whatever heap the program was
 * started with. Readers compare what they are about to allocate with these limits; fixed limits
 * (file size, pixel count) still apply on top. Stateless and thread-safe.
 */
public final class HeapBudget {
    /**
     * System property: the largest inflated dataset of a Deflated Explicit VR Little Endian file,
     * in MiB (default {@value #DEFAULT_MAX_INFLATED_MB}). The heap-derived limit applies as well.
     */
    public static final String MAX_INFLATED_MB_PROPERTY = "cxr.dicom.maxInflatedMb";
    /** Default of {@link #MAX_INFLATED_MB_PROPERTY}: a 100-megapixel 16-bit image plus headers fits. */
    public static final int DEFAULT_MAX_INFLATED_MB = 256;
    /** The heap is divided by this for the inflation limit (the buffer, its copy and the decode). */
    static final int INFLATE_HEAP_DIVISOR = 4;
    /** The heap is divided by this for one image's decoding buffers. */
    static final int DECODE_HEAP_DIVISOR = 2;
    private static final long MIB = 1L << 20;

    private HeapBudget() { }

    /** The JVM's maximum heap in bytes. */
    public static long maxHeapBytes() {
        return Runtime.getRuntime().maxMemory();
    }

    /**
     * Largest inflated dataset accepted, in bytes: the smaller of the user cap
     * ({@code -Dcxr.dicom.maxInflatedMb}, default 256 MiB) and a quarter of the maximum heap,
     * never above {@code Integer.MAX_VALUE - 8} (the largest Java array).
     */
    public static int maxInflatedBytes() {
        return maxInflatedBytes(System.getProperty(MAX_INFLATED_MB_PROPERTY), maxHeapBytes());
    }

    /**
     * The rule behind {@link #maxInflatedBytes()}, for given inputs.
     *
     * @param capMb    the property's value (MiB, a positive integer), or null/blank for the default
     * @param maxHeap  the maximum heap in bytes
     * @throws IllegalArgumentException if {@code capMb} is not a positive integer
     */
    static int maxInflatedBytes(String capMb, long maxHeap) {
        long cap = DEFAULT_MAX_INFLATED_MB;
        if (capMb != null && !capMb.isBlank()) {
            try {
                cap = Long.parseLong(capMb.strip());
            } catch (NumberFormatException e) {
                cap = -1;
            }
            if (cap < 1) {
                throw new IllegalArgumentException("-D" + MAX_INFLATED_MB_PROPERTY + "=" + capMb
                        + ": expected a positive number of MiB");
            }
        }
        long limit = Math.min(cap * MIB, maxHeap / INFLATE_HEAP_DIVISOR);
        return (int) Math.max(1, Math.min(limit, Integer.MAX_VALUE - 8));
    }

    /** Largest total of decoding buffers one image may need, in bytes: half the maximum heap. */
    public static long maxDecodeBytes() {
        return maxHeapBytes() / DECODE_HEAP_DIVISOR;
    }

    /** {@code bytes} in MiB, rounded up, for messages. */
    public static long mib(long bytes) {
        return (bytes + MIB - 1) / MIB;
    }
}
