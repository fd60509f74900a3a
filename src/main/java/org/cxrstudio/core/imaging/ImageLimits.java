package org.cxrstudio.core.imaging;

import org.cxrstudio.core.dicom.HeapBudget;

/**
 * Size limits every reader checks against the header <em>before</em> allocating pixels, so a
 * corrupt or hostile file gives a clear error instead of an out-of-memory crash. Chest
 * radiographs are at most about 4300×4300; the limits leave ample room. On top of the fixed
 * limits, the decoding buffers of one image may take at most half the JVM's maximum heap
 * ({@link HeapBudget#maxDecodeBytes()}), so a small heap refuses what it cannot hold.
 */
public final class ImageLimits {
    /** Largest accepted width or height in pixels. */
    public static final int MAX_SIDE = 16384;
    /** Largest accepted pixel count (100 megapixels, 400 MB as {@code int[]}). */
    public static final long MAX_PIXELS = 100_000_000L;
    /** Smallest accepted width or height: anything smaller is not a radiograph. */
    public static final int MIN_SIDE = 8;
    /** Largest accepted input file in bytes (1 GiB). */
    public static final long MAX_FILE_BYTES = 1L << 30;

    private ImageLimits() { }

    /**
     * Checks declared dimensions.
     *
     * @param source file name used in the message
     * @throws ImageReadException naming the file and the offending size
     */
    public static void checkDimensions(String source, long columns, long rows) throws ImageReadException {
        if (columns < MIN_SIDE || rows < MIN_SIDE) {
            throw new ImageReadException(source + ": image size " + columns + "x" + rows
                    + " is too small for a radiograph (minimum " + MIN_SIDE + " px a side)");
        }
        if (columns > MAX_SIDE || rows > MAX_SIDE) {
            throw new ImageReadException(source + ": image size " + columns + "x" + rows
                    + " exceeds the limit of " + MAX_SIDE + " px a side");
        }
        if (columns * rows > MAX_PIXELS) {
            throw new ImageReadException(source + ": image size " + columns + "x" + rows
                    + " exceeds the limit of " + MAX_PIXELS / 1_000_000 + " megapixels");
        }
    }

    /**
     * Checks that decoding buffers of {@code bytes} fit the heap budget.
     *
     * @param what   e.g. {@code "decoding 16384x6000 PNG"}, used in the message
     * @throws ImageReadException naming the file, the need and the budget
     */
    public static void checkHeap(String source, String what, long bytes) throws ImageReadException {
        long budget = HeapBudget.maxDecodeBytes();
        if (bytes > budget) {
            throw new ImageReadException(source + ": " + what + " needs about " + HeapBudget.mib(bytes) + " MB, more than the "
                    + HeapBudget.mib(budget) + " MB allowed (half of the " + HeapBudget.mib(HeapBudget.maxHeapBytes())
                    + " MB heap; raise -Xmx)");
        }
    }
}
