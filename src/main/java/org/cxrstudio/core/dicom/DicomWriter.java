package org.cxrstudio.core.dicom;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.Deflater;

/**
 * Writes small DICOM Part 10 files: the project's synthetic sample images and test fixtures.
 * Supports implicit VR LE, explicit VR LE and BE, deflated explicit VR LE, and RLE Lossless
 * (one frame, via {@link RleEncoder});
 * elements are written in tag order with defined lengths, values padded to even length. Not
 * thread-safe (a builder).
 *
 * <pre>{@code
 * byte[] file = new DicomWriter()
 *         .string(Tags.MODALITY, "CS", "CR")
 *         .us(Tags.ROWS, 512).us(Tags.COLUMNS, 512)
 *         .pixels16(values)
 *         .toBytes(TransferSyntax.EXPLICIT_LE);
 * }</pre>
 */
public final class DicomWriter {
    /** Root of the UIDs this project makes up (2.25 = UUID-derived, per PS3.5 B.2). */
    public static final String IMPLEMENTATION_CLASS_UID = "2.25.270170301924712387153224862371235";
    private static final Set<String> LONG_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN",
            "UR", "UT", "UV");

    private record Value(String vr, byte[] text, int[] words, byte[] bytes, List<DicomWriter> items, float[] floats) {
        Value(String vr, byte[] text, int[] words, byte[] bytes, List<DicomWriter> items) {
            this(vr, text, words, bytes, items, null);
        }
    }

    private final Map<Integer, Value> elements = new TreeMap<>(Integer::compareUnsigned);
    private java.nio.charset.Charset charset = StandardCharsets.ISO_8859_1;

    /**
     * Writes later text values as UTF-8 and sets Specific Character Set to {@code ISO_IR 192}, so
     * names in any script survive. Default: ISO 8859-1 without a Specific Character Set.
     */
    public DicomWriter utf8() {
        charset = StandardCharsets.UTF_8;
        return string(Tags.SPECIFIC_CHARACTER_SET, "CS", "ISO_IR 192");
    }

    /** A text element; padded with a space (NUL for UI). */
    public DicomWriter string(int tag, String vr, String value) {
        byte[] b = value.getBytes("UI".equals(vr) || "CS".equals(vr) ? StandardCharsets.US_ASCII : charset);
        if (b.length % 2 == 1) {
            b = java.util.Arrays.copyOf(b, b.length + 1);
            b[b.length - 1] = (byte) ("UI".equals(vr) ? 0 : ' ');
        }
        elements.put(tag, new Value(vr, b, null, null, null));
        return this;
    }

    /** An unsigned short element (US) with one or more values. */
    public DicomWriter us(int tag, int... values) {
        elements.put(tag, new Value("US", null, values, null, null));
        return this;
    }

    /** A floating point element (FL, IEEE 754 single) with one or more values, e.g. SR Graphic Data. */
    public DicomWriter floats(int tag, float... values) {
        elements.put(tag, new Value("FL", null, null, null, null, values.clone()));
        return this;
    }

    /** 8-bit pixel data (OB) as given, e.g. interleaved RGB; padded to even length. */
    public DicomWriter pixelBytes(byte[] samples) {
        byte[] b = java.util.Arrays.copyOf(samples, samples.length + (samples.length % 2));
        elements.put(Tags.PIXEL_DATA, new Value("OB", null, null, b, null));
        return this;
    }

    /** A sequence of items. */
    public DicomWriter sequence(int tag, List<DicomWriter> items) {
        elements.put(tag, new Value("SQ", null, null, null, List.copyOf(items)));
        return this;
    }

    /** Raw bytes with any VR (test fixtures: wrong lengths, odd VRs). */
    public DicomWriter raw(int tag, String vr, byte[] value) {
        elements.put(tag, new Value(vr, null, null, value.clone(), null));
        return this;
    }

    /** 16-bit pixel data (OW), one value per sample, low 16 bits used. */
    public DicomWriter pixels16(int[] samples) {
        elements.put(Tags.PIXEL_DATA, new Value("OW", null, samples, null, null));
        return this;
    }

    /** 8-bit pixel data (OB), low 8 bits of each value; padded to even length. */
    public DicomWriter pixels8(int[] samples) {
        byte[] b = new byte[samples.length + (samples.length % 2)];
        for (int i = 0; i < samples.length; i++) {
            b[i] = (byte) samples[i];
        }
        elements.put(Tags.PIXEL_DATA, new Value("OB", null, null, b, null));
        return this;
    }

    /**
     * The Part 10 file: 128-byte zero preamble, {@code DICM}, meta header, then the dataset.
     *
     * @param transferSyntaxUid one of the four {@link TransferSyntax} native syntaxes
     */
    public byte[] toBytes(String transferSyntaxUid) {
        boolean rle = TransferSyntax.RLE_LOSSLESS.equals(transferSyntaxUid);
        if (transferSyntaxUid == null || !(TransferSyntax.isNative(transferSyntaxUid) || rle)) {
            throw new IllegalArgumentException("only native and RLE transfer syntaxes can be written: "
                    + transferSyntaxUid);
        }
        String sopClass = stringValue(Tags.SOP_CLASS_UID, "1.2.840.10008.5.1.4.1.1.1");
        String sopInstance = stringValue(Tags.SOP_INSTANCE_UID, IMPLEMENTATION_CLASS_UID + ".1");
        DicomWriter meta = new DicomWriter()
                .raw(0x00020001, "OB", new byte[] {0, 1})
                .string(Tags.MEDIA_STORAGE_SOP_CLASS_UID, "UI", sopClass)
                .string(Tags.MEDIA_STORAGE_SOP_INSTANCE_UID, "UI", sopInstance)
                .string(Tags.TRANSFER_SYNTAX_UID, "UI", transferSyntaxUid)
                .string(Tags.IMPLEMENTATION_CLASS_UID, "UI", IMPLEMENTATION_CLASS_UID);
        byte[] metaBody = meta.dataset(true, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[128], 0, 128);
        out.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
        byte[] groupLength = new DicomWriter().raw(Tags.FILE_META_GROUP_LENGTH, "UL", le32(metaBody.length))
                .dataset(true, false);
        out.writeBytes(groupLength);
        out.writeBytes(metaBody);
        boolean explicit = !TransferSyntax.IMPLICIT_LE.equals(transferSyntaxUid);
        boolean big = TransferSyntax.EXPLICIT_BE.equals(transferSyntaxUid);
        byte[] body = rle ? rleDataset() : dataset(explicit, big);
        if (TransferSyntax.DEFLATED_EXPLICIT_LE.equals(transferSyntaxUid)) {
            body = deflate(body);
        }
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** Explicit VR LE dataset whose Pixel Data is one RLE-compressed frame (BOT empty). */
    private byte[] rleDataset() {
        Value px = elements.get(Tags.PIXEL_DATA);
        if (px == null) {
            throw new IllegalStateException("RLE needs pixel data");
        }
        Value cols = elements.get(Tags.COLUMNS);
        int columns = cols == null || cols.words() == null ? 0 : cols.words()[0];
        int[] samples = px.words();
        int bytes = 2;
        if (samples == null) {
            samples = new int[px.bytes().length];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = px.bytes()[i] & 0xFF;
            }
            bytes = 1;
        }
        if (columns < 1 || samples.length % columns != 0) {
            throw new IllegalStateException("RLE needs Columns matching the pixel data");
        }
        Map<Integer, Value> saved = new TreeMap<>(elements);
        elements.remove(Tags.PIXEL_DATA);
        byte[] head = dataset(true, false);
        elements.clear();
        elements.putAll(saved);
        byte[] frame = RleEncoder.encode(samples, columns, bytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head);
        out.writeBytes(new byte[] {(byte) 0xE0, 0x7F, 0x10, 0x00, 'O', 'B', 0, 0, -1, -1, -1, -1});
        out.writeBytes(new byte[] {-2, -1, 0, -32, 0, 0, 0, 0}); // empty basic offset table
        out.writeBytes(new byte[] {-2, -1, 0, -32});
        out.writeBytes(le32(frame.length + frame.length % 2));
        out.writeBytes(frame);
        if (frame.length % 2 == 1) {
            out.write(0);
        }
        out.writeBytes(new byte[] {-2, -1, -35, -32, 0, 0, 0, 0}); // sequence delimitation
        return out.toByteArray();
    }

    /** The dataset alone (no preamble, no meta header), e.g. for bare-dataset fixtures. */
    public byte[] dataset(boolean explicit, boolean bigEndian) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<Integer, Value> e : elements.entrySet()) {
            int tag = e.getKey();
            Value v = e.getValue();
            byte[] value = encode(v, explicit, bigEndian);
            boolean bigHere = bigEndian && (tag >>> 16) != 0x0002;
            u16(out, tag >>> 16, bigHere);
            u16(out, tag & 0xFFFF, bigHere);
            if (explicit) {
                out.writeBytes(v.vr().getBytes(StandardCharsets.US_ASCII));
                if (LONG_VRS.contains(v.vr())) {
                    u16(out, 0, bigHere);
                    u32(out, value.length, bigHere);
                } else {
                    u16(out, value.length, bigHere);
                }
            } else {
                u32(out, value.length, bigHere);
            }
            out.writeBytes(value);
        }
        return out.toByteArray();
    }

    private byte[] encode(Value v, boolean explicit, boolean big) {
        if (v.text() != null) {
            return v.text();
        }
        if (v.bytes() != null) {
            return v.bytes();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (v.floats() != null) {
            for (float f : v.floats()) {
                u32(out, Float.floatToIntBits(f) & 0xFFFFFFFFL, big);
            }
            return out.toByteArray();
        }
        if (v.items() != null) {
            for (DicomWriter item : v.items()) {
                byte[] body = item.dataset(explicit, big);
                u16(out, 0xFFFE, big);
                u16(out, 0xE000, big);
                u32(out, body.length, big);
                out.writeBytes(body);
            }
            return out.toByteArray();
        }
        for (int w : v.words()) {
            u16(out, w & 0xFFFF, big);
        }
        return out.toByteArray();
    }

    private String stringValue(int tag, String fallback) {
        Value v = elements.get(tag);
        return v == null || v.text() == null ? fallback
                : new String(v.text(), StandardCharsets.ISO_8859_1).replace("\0", "").strip();
    }

    private static byte[] deflate(byte[] body) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            d.setInput(body);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[65536];
            while (!d.finished()) {
                out.write(buf, 0, d.deflate(buf));
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    private static byte[] le32(int v) {
        return new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
    }

    private static void u16(ByteArrayOutputStream out, int v, boolean big) {
        if (big) {
            out.write(v >> 8);
            out.write(v);
        } else {
            out.write(v);
            out.write(v >> 8);
        }
    }

    private static void u32(ByteArrayOutputStream out, long v, boolean big) {
        if (big) {
            u16(out, (int) (v >>> 16) & 0xFFFF, true);
            u16(out, (int) v & 0xFFFF, true);
        } else {
            u16(out, (int) v & 0xFFFF, false);
            u16(out, (int) (v >>> 16) & 0xFFFF, false);
        }
    }
}
