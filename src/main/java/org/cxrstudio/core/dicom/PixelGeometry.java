package org.cxrstudio.core.dicom;

import org.cxrstudio.core.dicom.codec.FrameInfo;

/**
 * The Image Pixel module attributes, validated against safety limits before any pixel buffer
 * is allocated.
 *
 * @param rows            1..{@link #MAX_SIDE}
 * @param columns         1..{@link #MAX_SIDE}
 * @param samplesPerPixel 1 or 3
 * @param bitsAllocated   8 or 16
 * @param bitsStored      1..bitsAllocated
 * @param highBit         bitsStored-1..bitsAllocated-1
 * @param signed          Pixel Representation 1
 * @param photometric     e.g. MONOCHROME1, MONOCHROME2, RGB, YBR_FULL
 * @param planar          Planar Configuration 1 (colour by plane)
 * @param frames          Number of Frames, {@code >= 1}
 */
record PixelGeometry(int rows, int columns, int samplesPerPixel, int bitsAllocated, int bitsStored, int highBit,
                     boolean signed, String photometric, boolean planar, int frames) {
    /** Largest accepted width or height (same as the imaging limits). */
    static final int MAX_SIDE = 16384;
    /** Largest accepted pixel count of a frame. */
    static final long MAX_PIXELS = 100_000_000L;

    static PixelGeometry of(DicomDataset ds, String source) throws DicomException {
        int rows = required(ds, Tags.ROWS, "Rows", source);
        int cols = required(ds, Tags.COLUMNS, "Columns", source);
        int spp = ds.uint(Tags.SAMPLES_PER_PIXEL).orElse(1);
        int alloc = required(ds, Tags.BITS_ALLOCATED, "Bits Allocated", source);
        int stored = ds.uint(Tags.BITS_STORED).orElse(alloc);
        int high = ds.uint(Tags.HIGH_BIT).orElse(stored - 1);
        int rep = ds.uint(Tags.PIXEL_REPRESENTATION).orElse(0);
        String photometric = ds.string(Tags.PHOTOMETRIC_INTERPRETATION).orElse(spp == 3 ? "RGB" : "MONOCHROME2");
        int planar = ds.uint(Tags.PLANAR_CONFIGURATION).orElse(0);
        int frames = ds.decimal(Tags.NUMBER_OF_FRAMES).map(Double::intValue).orElse(1);
        if (rows < 1 || cols < 1) {
            throw new DicomException(source + ": invalid image size " + cols + "x" + rows);
        }
        if (rows > MAX_SIDE || cols > MAX_SIDE) {
            throw new DicomException(source + ": image size " + cols + "x" + rows + " exceeds the limit of "
                    + MAX_SIDE + " px a side");
        }
        if ((long) rows * cols > MAX_PIXELS) {
            throw new DicomException(source + ": image size " + cols + "x" + rows + " exceeds the limit of "
                    + MAX_PIXELS / 1_000_000 + " megapixels");
        }
        if (spp != 1 && spp != 3) {
            throw new DicomException(source + ": unsupported Samples per Pixel " + spp);
        }
        if (alloc != 8 && alloc != 16) {
            throw new DicomException(source + ": unsupported Bits Allocated " + alloc + " (8 or 16 supported)");
        }
        if (stored < 1 || stored > alloc) {
            throw new DicomException(source + ": Bits Stored " + stored + " is inconsistent with Bits Allocated " + alloc);
        }
        if (high < stored - 1 || high >= alloc) {
            throw new DicomException(source + ": High Bit " + high + " is inconsistent with Bits Stored " + stored
                    + " and Bits Allocated " + alloc);
        }
        if (rep != 0 && rep != 1) {
            throw new DicomException(source + ": invalid Pixel Representation " + rep);
        }
        if (frames < 1) {
            frames = 1;
        }
        if (photometric.startsWith("PALETTE")) {
            throw new DicomException(source + ": PALETTE COLOR images are not supported");
        }
        if (spp == 1 && !photometric.equals("MONOCHROME1") && !photometric.equals("MONOCHROME2")) {
            throw new DicomException(source + ": unsupported Photometric Interpretation '" + photometric
                    + "' for one sample per pixel");
        }
        return new PixelGeometry(rows, cols, spp, alloc, stored, high, rep == 1, photometric, planar == 1, frames);
    }

    private static int required(DicomDataset ds, int tag, String name, String source) throws DicomException {
        return ds.uint(tag).orElseThrow(() -> new DicomException(source + ": missing " + name + " " + Tags.format(tag)));
    }

    long samples() {
        return (long) rows * columns * samplesPerPixel;
    }

    long frameBytes() {
        return samples() * (bitsAllocated / 8);
    }

    FrameInfo frameInfo() {
        return new FrameInfo(rows, columns, samplesPerPixel, bitsAllocated, bitsStored, signed, photometric,
                planar ? 1 : 0);
    }
}
