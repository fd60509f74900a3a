package org.cxrstudio.core.dicom;

import java.io.IOException;
import java.util.Optional;
import org.cxrstudio.core.dicom.codec.Codecs;
import org.cxrstudio.core.dicom.codec.FrameDecoder;
import org.cxrstudio.core.dicom.codec.JpegDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the Pixel Data element into single-channel stored values: native frames are read
 * here (8/16-bit, either byte order, planar or interleaved colour), encapsulated frames go to
 * the codec of the transfer syntax. Then samples are shifted by the high bit, masked to bits
 * stored and sign-extended; colour becomes gray (RGB: BT.601 luma; YBR: the Y sample), and how
 * colourful it was is measured on the way ({@link Colourfulness}) so that colour is judged before
 * it is lost.
 */
final class PixelDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(PixelDecoder.class);

    private PixelDecoder() { }

    static int[] decode(DicomElement pixelData, PixelGeometry g, String ts, String source) throws DicomException {
        return decode(pixelData, g, ts, source, null);
    }

    /**
     * As {@link #decode(DicomElement, PixelGeometry, String, String)}; for colour images the
     * samples are also added to {@code colour} (ignored when {@code null} or the image is gray).
     */
    static int[] decode(DicomElement pixelData, PixelGeometry g, String ts, String source, Colourfulness colour)
            throws DicomException {
        checkHeap(pixelData, g, source);
        int[] samples = pixelData.encapsulated() ? encapsulated(pixelData, g, ts, source) : nativeSamples(pixelData, g, source);
        boolean ycbcr = g.photometric().startsWith("YBR") && !decoderReturnsRgb(ts)
                || rgbHeaderOverYcbcrJpeg(pixelData, g, ts, source);
        return toGray(samples, g, ycbcr, colour);
    }

    /**
     * A header that says RGB over a JPEG baseline/extended stream whose own markers say Y Cb Cr
     * (JFIF, or Adobe transform 1), as some converters write: the stream is believed, as pydicom
     * and GDCM do, because taking Y Cb Cr for R G B gives a wrong grey and a grey film measured
     * as colourful.
     */
    private static boolean rgbHeaderOverYcbcrJpeg(DicomElement px, PixelGeometry g, String ts, String source)
            throws DicomException {
        if (!px.encapsulated() || g.samplesPerPixel() != 3 || !"RGB".equals(g.photometric())
                || !("1.2.840.10008.1.2.4.50".equals(ts) || "1.2.840.10008.1.2.4.51".equals(ts))) {
            return false;
        }
        boolean marked = JpegDecoder.markedYcbcr(FrameExtractor.firstFrame(px, g.frames(), source));
        if (marked) {
            LOG.warn("{}: Photometric Interpretation RGB, but the JPEG stream is marked Y Cb Cr (JFIF/Adobe): read as Y Cb Cr",
                    source);
        }
        return marked;
    }

    /**
     * Refuses, before any pixel buffer exists, an image whose decoding buffers (the samples as
     * {@code int}, a planar-to-interleaved copy, the gray result, a codec's working copy) would
     * take more than {@link HeapBudget#maxDecodeBytes()}: a small compressed file can claim
     * 16384 x 6000 pixels, which a small heap cannot hold.
     */
    static void checkHeap(DicomElement px, PixelGeometry g, String source) throws DicomException {
        long samples = g.samples();
        long count = (long) g.rows() * g.columns();
        long need = 4 * samples;
        if (g.samplesPerPixel() == 3) {
            need += 4 * count + (g.planar() ? 4 * samples : 0);
        }
        if (!px.encapsulated() && isSubsampled(g)) {
            need += 8 * count; // the stored Y1 Y2 Cb Cr samples before they are spread to every pixel
        }
        if (px.encapsulated()) {
            need += 4 * samples; // the codec's own buffer (ImageIO raster, scan lines)
        }
        long budget = HeapBudget.maxDecodeBytes();
        if (need > budget) {
            throw new DicomException(source + ": decoding " + g.columns() + "x" + g.rows() + "x" + g.samplesPerPixel()
                    + " samples needs about " + HeapBudget.mib(need) + " MB, more than the " + HeapBudget.mib(budget)
                    + " MB allowed (half of the " + HeapBudget.mib(HeapBudget.maxHeapBytes()) + " MB heap; raise -Xmx)");
        }
    }

    private static int[] encapsulated(DicomElement px, PixelGeometry g, String ts, String source) throws DicomException {
        Optional<FrameDecoder> decoder = Codecs.forTransferSyntax(ts);
        if (decoder.isEmpty()) {
            throw new DicomException(source + ": transfer syntax " + Codecs.describe(ts) + " (" + ts
                    + ") is not supported");
        }
        byte[] frame = FrameExtractor.firstFrame(px, g.frames(), source);
        int[] s;
        try {
            s = decoder.get().decode(frame, g.frameInfo());
        } catch (IOException | RuntimeException e) {
            throw new DicomException(source + ": cannot decode " + Codecs.describe(ts) + " pixel data: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
        if (s == null || s.length < g.samples()) {
            throw new DicomException(source + ": " + Codecs.describe(ts) + " decoder returned "
                    + (s == null ? 0 : s.length) + " samples, expected " + g.samples());
        }
        return s;
    }

    private static int[] nativeSamples(DicomElement px, PixelGeometry g, String source) throws DicomException {
        if (isSubsampled(g)) {
            long full = (long) g.frames() * g.rows() * g.columns() * 3 * (g.bitsAllocated() / 8);
            if (px.length() < full) {   // the frames as 4:2:2 (the first one is read)
                return subsampledSamples(px, g, source);
            }
            // as long as fully sampled colour: a writer labelled Y Cb Cr of every pixel 4:2:2; read it fully
            // sampled (as pydicom does) rather than take the first two thirds for the whole image
        }
        long need = g.frameBytes();
        if (px.length() < need) {
            throw new DicomException(source + ": pixel data has " + px.length() + " bytes, but " + g.columns() + "x"
                    + g.rows() + "x" + g.samplesPerPixel() + " samples of " + g.bitsAllocated() + " bits need " + need
                    + " (truncated, or wrong Rows/Columns/Bits Allocated)");
        }
        if (g.frames() == 1 && px.length() >= 2 * need) {
            throw new DicomException(source + ": pixel data has " + px.length() + " bytes, at least twice the " + need
                    + " that " + g.columns() + "x" + g.rows() + " samples of " + g.bitsAllocated()
                    + " bits need (wrong Bits Allocated or Number of Frames?)");
        }
        int n = (int) g.samples();
        int[] s = read(px, n, g.bitsAllocated());
        if (g.samplesPerPixel() == 3 && g.planar()) {
            int plane = g.rows() * g.columns();
            int[] inter = new int[n];
            for (int i = 0; i < plane; i++) {
                inter[3 * i] = s[i];
                inter[3 * i + 1] = s[plane + i];
                inter[3 * i + 2] = s[2 * plane + i];
            }
            s = inter;
        }
        return s;
    }

    private static boolean isSubsampled(PixelGeometry g) {
        return g.photometric().startsWith("YBR_") && g.photometric().contains("42");
    }

    /** The first {@code n} samples of native pixel data, 8 or 16 bits each, in the element's byte order. */
    private static int[] read(DicomElement px, int n, int bitsAllocated) {
        int[] s = new int[n];
        byte[] b = px.buffer();
        int o = px.offset();
        if (bitsAllocated == 8) {
            for (int i = 0; i < n; i++) {
                s[i] = b[o + i] & 0xFF;
            }
        } else {
            boolean big = px.bigEndian() && !"OB".equals(px.vr());
            for (int i = 0; i < n; i++) {
                int lo = b[o + 2 * i] & 0xFF;
                int hi = b[o + 2 * i + 1] & 0xFF;
                s[i] = big ? (lo << 8) | hi : (hi << 8) | lo;
            }
        }
        return s;
    }

    /**
     * Uncompressed YBR_FULL_422 (PS3.3 C.7.6.3.1.2): each pair of pixels of a row is stored as
     * {@code Y1 Y2 Cb Cr}, the two sharing their chroma. Returned interleaved {@code Y Cb Cr} per
     * pixel, as the other colour paths give.
     */
    private static int[] subsampledSamples(DicomElement px, PixelGeometry g, String source) throws DicomException {
        if (!g.photometric().endsWith("_422") || g.samplesPerPixel() != 3 || g.planar() || g.columns() % 2 != 0) {
            throw new DicomException(source + ": uncompressed " + g.photometric() + " with " + g.samplesPerPixel()
                    + " samples, " + (g.planar() ? "planar" : "interleaved") + ", " + g.columns()
                    + " columns is not supported (interleaved 4:2:2 with an even number of columns is)");
        }
        int pixels = g.rows() * g.columns();
        long need = 2L * pixels * (g.bitsAllocated() / 8);
        if (px.length() < need) {
            throw new DicomException(source + ": pixel data has " + px.length() + " bytes, but " + g.columns() + "x"
                    + g.rows() + " pixels of " + g.photometric() + " at " + g.bitsAllocated() + " bits need " + need
                    + " (truncated, or wrong Rows/Columns/Bits Allocated)");
        }
        int[] stored = read(px, 2 * pixels, g.bitsAllocated());
        int[] s = new int[3 * pixels];
        for (int pair = 0; pair < pixels / 2; pair++) {
            int cb = stored[4 * pair + 2];
            int cr = stored[4 * pair + 3];
            for (int k = 0; k < 2; k++) {
                int at = 3 * (2 * pair + k);
                s[at] = stored[4 * pair + k];
                s[at + 1] = cb;
                s[at + 2] = cr;
            }
        }
        return s;
    }

    /** Colour samples become grey: the Y of {@code ycbcr} samples, else the BT.601 luma of R G B. */
    private static int[] toGray(int[] s, PixelGeometry g, boolean ycbcr, Colourfulness colour) {
        int shift = g.highBit() + 1 - g.bitsStored();
        int mask = (1 << g.bitsStored()) - 1;
        int signBit = 1 << (g.bitsStored() - 1);
        boolean signed = g.signed();
        int count = g.rows() * g.columns();
        if (g.samplesPerPixel() == 1) {
            int[] out = s.length == count ? s : new int[count];
            for (int i = 0; i < count; i++) {
                int v = (s[i] >> shift) & mask;
                out[i] = signed && (v & signBit) != 0 ? v - (mask + 1) : v;
            }
            return out;
        }
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            int r = (s[3 * i] >> shift) & mask;
            int gr = (s[3 * i + 1] >> shift) & mask;
            int bl = (s[3 * i + 2] >> shift) & mask;
            if (ycbcr) {
                out[i] = r;
                if (colour != null) {
                    colour.addYbr(r, gr, bl, mask);
                }
            } else {
                out[i] = r == gr && gr == bl ? r : (int) Math.round(0.299 * r + 0.587 * gr + 0.114 * bl);
                if (colour != null) {
                    colour.add(r, gr, bl);
                }
            }
        }
        return out;
    }

    /**
     * JPEG 2000 decoders hand back RGB after the inverse component transform, whatever the header
     * says (YBR_ICT / YBR_RCT); every other decoder, JPEG baseline and extended included, returns
     * the components as coded, so YBR_FULL / YBR_FULL_422 stay Y, Cb, Cr (as {@code dcmdjpeg
     * --conv-never} gives them).
     */
    private static boolean decoderReturnsRgb(String ts) {
        return ts != null && ts.startsWith("1.2.840.10008.1.2.4.9");
    }
}
