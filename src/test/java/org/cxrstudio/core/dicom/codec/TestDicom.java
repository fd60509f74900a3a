package org.cxrstudio.core.dicom.codec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-only, deliberately minimal Part 10 reader (little endian only): just enough to pull the
 * frame geometry, the first frame's compressed bytes or the native pixel values out of a file,
 * so the codecs can be checked against dcmtk without depending on the real parser.
 */
record TestDicom(String transferSyntax, FrameInfo info, int frames, List<byte[]> fragments, long[] offsets,
                 byte[] nativePixels) {

    static TestDicom read(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        if (b.length < 132 || !"DICM".equals(new String(b, 128, 4, StandardCharsets.US_ASCII))) {
            throw new IOException(file + ": not a Part 10 file");
        }
        Parser p = new Parser(b, 132);
        p.explicit = true;
        p.run(true);
        p.explicit = !"1.2.840.10008.1.2".equals(p.ts);
        p.run(false);
        FrameInfo info = new FrameInfo(p.rows, p.cols, p.spp, p.bitsAllocated, p.bitsStored, p.pixelRep == 1,
                p.photometric, p.planar);
        return new TestDicom(p.ts, info, p.frames, p.fragments, p.bot, p.nativePixels);
    }

    /** The first frame's bytes: all fragments of a single-frame image, else per the offset table. */
    byte[] firstFrame() {
        if (fragments.isEmpty()) {
            throw new IllegalStateException("not encapsulated");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (frames <= 1) {
            fragments.forEach(out::writeBytes);
        } else if (offsets.length > 1) {
            long pos = 0;
            for (byte[] f : fragments) {
                if (pos >= offsets[0] && pos < offsets[1]) {
                    out.writeBytes(f);
                }
                pos += f.length + 8;
            }
        } else {
            out.writeBytes(fragments.get(0));
        }
        return out.toByteArray();
    }

    /** Native pixel values of the first frame, unsigned as stored, interleaved. */
    int[] nativeFirstFrame() {
        int n = (int) info.sampleCount();
        int[] out = new int[n];
        int bytes = info.bitsAllocated() / 8;
        for (int i = 0; i < n; i++) {
            int src = i;
            if (info.samplesPerPixel() == 3 && info.planarConfiguration() == 1) {
                int pixels = info.rows() * info.columns();
                src = (i % 3) * pixels + i / 3;
            }
            out[i] = bytes == 1 ? nativePixels[src] & 0xFF
                    : (nativePixels[2 * src] & 0xFF) | (nativePixels[2 * src + 1] & 0xFF) << 8;
        }
        return out;
    }

    private static final class Parser {
        final byte[] b;
        int pos;
        boolean explicit;
        String ts = "";
        int rows;
        int cols;
        int spp = 1;
        int bitsAllocated;
        int bitsStored;
        int pixelRep;
        int planar;
        int frames = 1;
        String photometric = "";
        List<byte[]> fragments = new ArrayList<>();
        long[] bot = new long[0];
        byte[] nativePixels;

        Parser(byte[] b, int pos) {
            this.b = b;
            this.pos = pos;
        }

        void run(boolean metaOnly) {
            int depth = 0;
            while (pos + 8 <= b.length) {
                int group = u16(pos);
                int element = u16(pos + 2);
                if (metaOnly && group != 2) {
                    return;
                }
                int tag = group << 16 | element;
                if (group == 0xFFFE) {
                    long len = u32(pos + 4);
                    pos += 8;
                    if (element == 0xE0DD) {
                        depth--;
                    } else if (element == 0xE000 && len != 0xFFFFFFFFL) {
                        pos += (int) len;
                    }
                    continue;
                }
                String vr = null;
                long len;
                if (explicit || group == 2) {
                    vr = new String(b, pos + 4, 2, StandardCharsets.US_ASCII);
                    if (List.of("OB", "OW", "OF", "SQ", "UT", "UN", "OD", "OL", "OV", "UC", "UR", "SV", "UV").contains(vr)) {
                        len = u32(pos + 8);
                        pos += 12;
                    } else {
                        len = u16(pos + 6);
                        pos += 8;
                    }
                } else {
                    len = u32(pos + 4);
                    pos += 8;
                }
                if (tag == 0x7FE00010 && depth == 0) {
                    if (len == 0xFFFFFFFFL) {
                        readFragments();
                    } else {
                        nativePixels = java.util.Arrays.copyOfRange(b, pos, pos + (int) len);
                    }
                    return;
                }
                if (len == 0xFFFFFFFFL) {
                    depth++;
                    continue;
                }
                if (depth == 0) {
                    record(tag, pos, (int) len);
                }
                pos += (int) len;
            }
        }

        void readFragments() {
            boolean first = true;
            while (pos + 8 <= b.length) {
                int element = u16(pos + 2);
                int len = (int) u32(pos + 4);
                pos += 8;
                if (element == 0xE0DD) {
                    return;
                }
                byte[] data = java.util.Arrays.copyOfRange(b, pos, pos + len);
                pos += len;
                if (first) {
                    bot = new long[len / 4];
                    for (int i = 0; i < bot.length; i++) {
                        bot[i] = u32(pos - len + 4 * i);
                    }
                    first = false;
                } else {
                    fragments.add(data);
                }
            }
        }

        void record(int tag, int at, int len) {
            switch (tag) {
                case 0x00020010 -> ts = str(at, len);
                case 0x00280010 -> rows = u16(at);
                case 0x00280011 -> cols = u16(at);
                case 0x00280002 -> spp = u16(at);
                case 0x00280100 -> bitsAllocated = u16(at);
                case 0x00280101 -> bitsStored = u16(at);
                case 0x00280103 -> pixelRep = u16(at);
                case 0x00280006 -> planar = u16(at);
                case 0x00280004 -> photometric = str(at, len);
                case 0x00280008 -> frames = Integer.parseInt(str(at, len));
                default -> { }
            }
        }

        String str(int at, int len) {
            return new String(b, at, len, StandardCharsets.US_ASCII).replace("\0", "").trim();
        }

        int u16(int at) {
            return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
        }

        long u32(int at) {
            return (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16 | (b[at + 3] & 0xFFL) << 24;
        }
    }
}
