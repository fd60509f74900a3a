package org.cxrstudio.core.dicom;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * DICOM Part 10 parser: optional 128-byte preamble + {@code DICM}, the group 0002 meta header
 * (explicit VR little endian), then the dataset in implicit VR LE, explicit VR LE or BE, or
 * deflated explicit VR LE. Handles defined and undefined-length sequences and items, and
 * encapsulated pixel data (basic offset table + fragments). Elements after the top-level Pixel
 * Data are walked and length-checked as dcmtk does (a truncated trailing element is an error)
 * but not kept.
 *
 * <p>The input is untrusted: every length is checked against the bytes left in its container
 * before use, nesting depth and element count are limited, and every loop step consumes at
 * least one 8-byte header, so a malformed file fails fast with a {@link DicomException}.
 * Stateless and thread-safe.
 */
public final class DicomParser {
    /** Deepest sequence nesting accepted. */
    public static final int MAX_DEPTH = 16;
    /** Most elements (including items) accepted in one file. */
    public static final int MAX_ELEMENTS = 1_000_000;

    static final long UNDEFINED = 0xFFFFFFFFL;
    private static final Set<String> LONG_VRS = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN",
            "UR", "UT", "UV");
    private static final Set<String> VRS = Set.of("AE", "AS", "AT", "CS", "DA", "DS", "DT", "FL", "FD", "IS", "LO",
            "LT", "OB", "OD", "OF", "OL", "OV", "OW", "PN", "SH", "SL", "SQ", "SS", "ST", "SV", "TM", "UC", "UI", "UL",
            "UN", "UR", "US", "UT", "UV");

    private DicomParser() { }

    /**
     * Parses a whole file held in memory.
     *
     * @param data   the file's bytes (not modified; element values are views into it)
     * @param source file name for error messages
     */
    public static DicomFile parse(byte[] data, String source) throws DicomException {
        boolean preamble = data.length >= 132 && data[128] == 'D' && data[129] == 'I' && data[130] == 'C'
                && data[131] == 'M';
        Cursor c = new Cursor(data, preamble ? 132 : 0, source);
        DicomDataset meta = new DicomDataset();
        c.explicit = looksExplicit(data, c.pos);
        while (c.pos + 8 <= data.length && c.peekGroup() == 0x0002) {
            meta.put(c.readElement(data.length, 0));
        }
        if (!preamble && meta.elements().isEmpty() && c.pos + 8 <= data.length && c.peekGroup() != 0x0008) {
            throw new DicomException(source + ": not a DICOM file (no DICM prefix and no dataset at the start)");
        }
        String ts = meta.string(Tags.TRANSFER_SYNTAX_UID).orElse(null);
        byte[] body = data;
        int start = c.pos;
        if (TransferSyntax.DEFLATED_EXPLICIT_LE.equals(ts)) {
            body = Inflate.inflate(data, c.pos, source);
            start = 0;
        }
        Cursor d = new Cursor(body, start, source);
        if (ts == null) {
            d.explicit = looksExplicit(body, start);
        } else {
            d.explicit = !TransferSyntax.IMPLICIT_LE.equals(ts);
            d.bigEndian = TransferSyntax.EXPLICIT_BE.equals(ts);
            if (d.explicit && !d.bigEndian && start + 8 <= body.length && !looksExplicit(body, start)) {
                d.explicit = false; // a known writer bug: meta says explicit, dataset is implicit
            }
        }
        DicomDataset dataset = d.readDataset(body.length, false, 0, true);
        return new DicomFile(preamble, ts, meta, dataset);
    }

    private static boolean looksExplicit(byte[] b, int pos) {
        return pos + 6 <= b.length && VRS.contains(new String(b, pos + 4, 2, java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    /** A read position in one buffer with the current encoding. */
    private static final class Cursor {
        final byte[] buf;
        final String source;
        int pos;
        boolean explicit = true;
        boolean bigEndian;
        int count;

        Cursor(byte[] buf, int pos, String source) {
            this.buf = buf;
            this.pos = pos;
            this.source = source;
        }

        int peekGroup() {
            int a = buf[pos] & 0xFF;
            int b = buf[pos + 1] & 0xFF;
            return bigEndian ? (a << 8) | b : (b << 8) | a;
        }

        int u16() {
            int a = buf[pos] & 0xFF;
            int b = buf[pos + 1] & 0xFF;
            pos += 2;
            return bigEndian ? (a << 8) | b : (b << 8) | a;
        }

        long u32() {
            long a = u16();
            long b = u16();
            return bigEndian ? (a << 16) | b : (b << 16) | a;
        }

        DicomException error(String what, int at) {
            return new DicomException(source + ": " + what + " at offset " + at);
        }

        DicomDataset readDataset(int end, boolean untilDelimiter, int depth, boolean top) throws DicomException {
            DicomDataset ds = new DicomDataset();
            while (pos < end) {
                int at = pos;
                DicomElement e = readElement(end, depth);
                if (isDelimiter(e, Tags.ITEM_DELIMITATION, untilDelimiter, "item delimitation", at)) {
                    return ds;
                }
                if ((e.tag() >>> 16) == 0xFFFE) {
                    throw error("unexpected " + Tags.format(e.tag()) + " inside a dataset", at);
                }
                ds.put(e);
                if (top && e.tag() == Tags.PIXEL_DATA) {
                    checkTrailing(end);
                    return ds;
                }
            }
            if (untilDelimiter) {
                throw error("missing item delimitation (file truncated?)", pos);
            }
            return ds;
        }

        DicomElement readElement(int end, int depth) throws DicomException {
            int at = pos;
            if (end - pos < 8) {
                throw error("truncated element header (" + (end - pos) + " bytes left)", at);
            }
            if (++count > MAX_ELEMENTS) {
                throw error("more than " + MAX_ELEMENTS + " elements", at);
            }
            int group = u16();
            int tag = group << 16 | u16();
            String vr;
            long length;
            if (group == 0xFFFE) {
                vr = "";
                length = u32();
            } else if (explicit) {
                vr = new String(buf, pos, 2, java.nio.charset.StandardCharsets.ISO_8859_1);
                pos += 2;
                if (!VRS.contains(vr)) {
                    throw error("invalid VR '" + printable(vr) + "' for element " + Tags.format(tag), at);
                }
                if (LONG_VRS.contains(vr)) {
                    if (end - pos < 6) {
                        throw error("truncated element header", at);
                    }
                    pos += 2;
                    length = u32();
                } else {
                    length = u16();
                }
            } else {
                vr = ImplicitVr.of(tag);
                length = u32();
            }
            if (length == UNDEFINED) {
                return undefinedLength(tag, vr, end, depth, at);
            }
            if (length > end - pos) {
                throw error("element " + Tags.format(tag) + " length " + length + " exceeds the " + (end - pos)
                        + " bytes left (truncated file or corrupt length)", at);
            }
            int len = (int) length;
            if ("SQ".equals(vr)) {
                List<DicomDataset> items = readItems(pos + len, false, depth + 1, at);
                return new DicomElement(tag, vr, buf, at, len, bigEndian, items, List.of());
            }
            DicomElement e = new DicomElement(tag, vr, buf, pos, len, bigEndian, List.of(), List.of());
            if (group != 0xFFFE || tag == Tags.ITEM_DELIMITATION || tag == Tags.SEQUENCE_DELIMITATION) {
                pos += len;
            }
            return e;
        }

        /**
         * Walks the elements after the top-level Pixel Data without keeping them, with dcmtk's
         * verdicts: a header or value running past the end of the data is an error (a truncated
         * or corrupt file); a non-standard VR is tolerated (its length field is 4 bytes when both
         * VR characters are upper-case letters, else 2), as are stray delimiters and odd lengths.
         */
        void checkTrailing(int end) throws DicomException {
            while (pos < end) {
                int at = pos;
                if (end - pos < 8) {
                    throw error("truncated element header after Pixel Data (" + (end - pos) + " bytes left)", at);
                }
                int group = peekGroup();
                String vr = explicit && group != 0xFFFE
                        ? new String(buf, pos + 4, 2, java.nio.charset.StandardCharsets.ISO_8859_1) : null;
                if (vr == null || VRS.contains(vr)) {
                    if (group == 0xFFFE) {
                        skipDelimiter(end, at);
                    } else {
                        readElement(end, 0);
                    }
                    continue;
                }
                if (++count > MAX_ELEMENTS) {
                    throw error("more than " + MAX_ELEMENTS + " elements", at);
                }
                int tag = u16() << 16 | u16();
                pos += 2;
                boolean longLength = Character.isUpperCase(vr.charAt(0)) && Character.isUpperCase(vr.charAt(1))
                        && vr.charAt(0) <= 'Z' && vr.charAt(1) <= 'Z';
                if (longLength && end - pos < 6) {
                    throw error("truncated element header after Pixel Data", at);
                }
                long length = longLength ? skip2AndU32() : u16();
                if (length > end - pos) {
                    throw error("element " + Tags.format(tag) + " length " + length + " exceeds the " + (end - pos)
                            + " bytes left (truncated file or corrupt length)", at);
                }
                pos += (int) length;
            }
        }

        private long skip2AndU32() {
            pos += 2;
            return u32();
        }

        private void skipDelimiter(int end, int at) throws DicomException {
            if (++count > MAX_ELEMENTS) {
                throw error("more than " + MAX_ELEMENTS + " elements", at);
            }
            int tag = u16() << 16 | u16();
            long length = u32();
            if (length == UNDEFINED) {
                return;
            }
            if (length > end - pos) {
                throw error("element " + Tags.format(tag) + " length " + length + " exceeds the " + (end - pos)
                        + " bytes left (truncated file or corrupt length)", at);
            }
            pos += (int) length;
        }

        private DicomElement undefinedLength(int tag, String vr, int end, int depth, int at) throws DicomException {
            if ((tag >>> 16) == 0xFFFE) {
                if (tag == Tags.ITEM) {
                    return new DicomElement(tag, vr, buf, pos, 0, bigEndian, List.of(), List.of());
                }
                throw error("delimiter " + Tags.format(tag) + " with undefined length", at);
            }
            if (tag == Tags.PIXEL_DATA && !"SQ".equals(vr)) {
                return new DicomElement(tag, vr, buf, pos, 0, bigEndian, List.of(), readFragments(end, at));
            }
            if ("SQ".equals(vr) || "UN".equals(vr) || !explicit) {
                boolean wasExplicit = explicit;
                boolean wasBig = bigEndian;
                if ("UN".equals(vr)) { // PS3.5 6.2.2: UN of undefined length holds implicit VR LE
                    explicit = false;
                    bigEndian = false;
                }
                List<DicomDataset> items = readItems(end, true, depth + 1, at);
                explicit = wasExplicit;
                bigEndian = wasBig;
                return new DicomElement(tag, "SQ", buf, at, 0, bigEndian, items, List.of());
            }
            throw error("undefined length on element " + Tags.format(tag) + " with VR " + vr, at);
        }

        private List<DicomDataset> readItems(int end, boolean untilDelimiter, int depth, int at) throws DicomException {
            if (depth > MAX_DEPTH) {
                throw error("sequences nested deeper than " + MAX_DEPTH, at);
            }
            List<DicomDataset> items = new ArrayList<>();
            while (pos < end || untilDelimiter) {
                int itemAt = pos;
                DicomElement item = readElement(end, depth);
                if (isDelimiter(item, Tags.SEQUENCE_DELIMITATION, untilDelimiter, "sequence delimitation", itemAt)) {
                    return items;
                }
                if (item.tag() != Tags.ITEM) {
                    throw error("expected an item in sequence, found " + Tags.format(item.tag()), itemAt);
                }
                if (item.length() == 0 && isUndefined(itemAt)) {
                    items.add(readDataset(end, true, depth, false));
                } else {
                    int itemEnd = item.offset() + item.length();
                    items.add(readDataset(itemEnd, false, depth, false));
                }
            }
            if (pos != end) {
                throw error("sequence overruns its length", pos);
            }
            return items;
        }

        /**
         * Whether {@code e} is the delimiter that ends an undefined-length item or sequence.
         *
         * @param expected true when reading up to a delimiter; otherwise one found is an error
         * @param name     the delimiter in words, for the message
         */
        private boolean isDelimiter(DicomElement e, int delimiter, boolean expected, String name, int at)
                throws DicomException {
            if (e.tag() != delimiter) {
                return false;
            }
            if (!expected) {
                throw error("unexpected " + name, at);
            }
            return true;
        }

        private boolean isUndefined(int itemAt) {
            int p = itemAt + 4;
            return buf[p] == -1 && buf[p + 1] == -1 && buf[p + 2] == -1 && buf[p + 3] == -1;
        }

        private List<int[]> readFragments(int end, int at) throws DicomException {
            List<int[]> fragments = new ArrayList<>();
            while (true) {
                int itemAt = pos;
                if (end - pos < 8) {
                    throw error("encapsulated pixel data truncated after " + fragments.size() + " fragments", itemAt);
                }
                if (++count > MAX_ELEMENTS) {
                    throw error("more than " + MAX_ELEMENTS + " elements", at);
                }
                int tag = u16() << 16 | u16();
                long len = u32();
                if (tag == Tags.SEQUENCE_DELIMITATION) {
                    break;
                }
                if (tag != Tags.ITEM) {
                    throw error("expected a pixel data fragment, found " + Tags.format(tag), itemAt);
                }
                if (len > end - pos) {
                    throw error("pixel data fragment of " + len + " bytes exceeds the " + (end - pos) + " bytes left",
                            itemAt);
                }
                fragments.add(new int[] {pos, (int) len});
                pos += (int) len;
            }
            if (fragments.isEmpty()) {
                throw error("encapsulated pixel data without a basic offset table item", at);
            }
            return fragments;
        }
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) {
            b.append(ch >= 0x20 && ch < 0x7F ? String.valueOf(ch) : String.format("\\x%02X", (int) ch));
        }
        return b.toString();
    }
}
