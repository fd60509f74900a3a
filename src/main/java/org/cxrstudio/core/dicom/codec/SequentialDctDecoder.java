package org.cxrstudio.core.dicom.codec;

/**
 * Huffman sequential DCT JPEG (ISO 10918-1 baseline SOF0 and extended SOF1) at 8 or 12 bits,
 * written for the 12-bit extended case (process 4) that the JDK cannot decode. Dequantization
 * and {@link IslowIdct} follow libjpeg's default path, so output matches dcmtk's
 * {@code dcmdjpeg}. Supports restart intervals, several scans (non-interleaved components),
 * one component with any sampling factor, or several components all sampled 1×1 (returned
 * as coded, no colour conversion). Not supported: progressive, arithmetic, sub-sampled colour.
 */
final class SequentialDctDecoder {

    private static final String CODEC = "JPEG";
    static final int[] ZIGZAG = {0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48,
        41, 34, 27, 20, 13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59,
        52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63};

    private final byte[] data;
    private final FrameInfo info;
    private final int[][] quant = new int[4][];
    private final HuffmanTable[] dcTables = new HuffmanTable[4];
    private final HuffmanTable[] acTables = new HuffmanTable[4];
    private final JpegSegments segments;
    private int precision;
    private int width;
    private int height;
    private int[] ids;
    private int[] h;
    private int[] v;
    private int[] tq;
    private int hMax;
    private int vMax;
    private int mcusX;
    private int mcusY;
    private int[][] planes;
    private int[] strides;
    private int restartInterval;

    private SequentialDctDecoder(byte[] data, FrameInfo info) {
        this.data = data;
        this.info = info;
        this.segments = new JpegSegments(data, CODEC);
    }

    static int[] decode(byte[] data, FrameInfo info) throws CodecException {
        return new SequentialDctDecoder(data, info).run();
    }

    private int[] run() throws CodecException {
        for (int marker = segments.next(); marker >= 0; marker = segments.next()) {
            int body = segments.body();
            int end = segments.end();
            switch (marker) {
                case JpegHeader.SOF0, JpegHeader.SOF1 -> readFrame(body, end);
                case JpegSegments.DHT -> HuffmanTable.readSegment(data, body, end, CODEC,
                        (tcTh, table) -> ((tcTh >> 4) == 0 ? dcTables : acTables)[tcTh & 0x03] = table);
                case JpegSegments.DQT -> readQuant(body, end);
                case JpegSegments.DRI -> restartInterval = u16(body);
                case JpegSegments.SOS -> readScan(body, end);
                default -> {
                    if (JpegSegments.isSof(marker)) {
                        throw new CodecException(CODEC + ": SOF 0xFF" + JpegSegments.hex(marker)
                                + " (progressive, lossless or arithmetic) is not supported by the DCT decoder");
                    }
                }
            }
        }
        segments.requireScan();
        return output();
    }

    private void readFrame(int p, int end) throws CodecException {
        precision = data[p] & 0xFF;
        height = u16(p + 1);
        width = u16(p + 3);
        int nf = data[p + 5] & 0xFF;
        if (precision != 8 && precision != 12) {
            throw new CodecException(CODEC + ": DCT precision " + precision + " is not 8 or 12");
        }
        JpegHeader.checkSize(CODEC, width, height, info);
        if (nf < info.samplesPerPixel() || nf > 4 || p + 6 + 3 * nf > end) {
            throw new CodecException(CODEC + ": " + nf + " component(s) for " + info.samplesPerPixel() + " sample(s)");
        }
        ids = new int[nf];
        h = new int[nf];
        v = new int[nf];
        tq = new int[nf];
        for (int c = 0; c < nf; c++) {
            ids[c] = data[p + 6 + 3 * c] & 0xFF;
            h[c] = (data[p + 7 + 3 * c] & 0xFF) >> 4;
            v[c] = data[p + 7 + 3 * c] & 0x0F;
            tq[c] = data[p + 8 + 3 * c] & 0x03;
            if (h[c] < 1 || h[c] > 4 || v[c] < 1 || v[c] > 4 || (nf > 1 && (h[c] != 1 || v[c] != 1))) {
                throw new CodecException(CODEC + ": sampling factors " + h[c] + "x" + v[c]
                        + " are not supported by the DCT decoder (1x1 for several components)");
            }
            hMax = Math.max(hMax, h[c]);
            vMax = Math.max(vMax, v[c]);
        }
        mcusX = (width + 8 * hMax - 1) / (8 * hMax);
        mcusY = (height + 8 * vMax - 1) / (8 * vMax);
        planes = new int[nf][];
        strides = new int[nf];
        for (int c = 0; c < nf; c++) {
            strides[c] = mcusX * h[c] * 8;
            planes[c] = new int[strides[c] * mcusY * v[c] * 8];
        }
    }

    private void readQuant(int p, int end) throws CodecException {
        while (p < end) {
            int pq = (data[p] & 0xFF) >> 4;
            int t = data[p] & 0x03;
            int size = pq == 0 ? 64 : 128;
            if (p + 1 + size > end) {
                throw new CodecException(CODEC + ": truncated quantization table");
            }
            int[] q = new int[64];
            for (int k = 0; k < 64; k++) {
                q[ZIGZAG[k]] = pq == 0 ? data[p + 1 + k] & 0xFF : u16(p + 1 + 2 * k);
            }
            quant[t] = q;
            p += 1 + size;
        }
    }

    private void readScan(int p, int end) throws CodecException {
        if (planes == null) {
            throw new CodecException(CODEC + ": scan before the frame header");
        }
        int ns = data[p] & 0xFF;
        if (ns < 1 || ns > ids.length || p + 1 + 2 * ns > end) {
            throw new CodecException(CODEC + ": bad scan component count " + ns);
        }
        int[] comps = new int[ns];
        HuffmanTable[] dc = new HuffmanTable[ns];
        HuffmanTable[] ac = new HuffmanTable[ns];
        for (int i = 0; i < ns; i++) {
            int id = data[p + 1 + 2 * i] & 0xFF;
            comps[i] = -1;
            for (int c = 0; c < ids.length; c++) {
                comps[i] = ids[c] == id ? c : comps[i];
            }
            int sel = data[p + 2 + 2 * i] & 0xFF;
            if (comps[i] < 0) {
                throw new CodecException(CODEC + ": scan refers to unknown component " + id);
            }
            dc[i] = dcTables[(sel >> 4) & 3];
            ac[i] = acTables[sel & 3];
            if (dc[i] == null || ac[i] == null || quant[tq[comps[i]]] == null) {
                throw new CodecException(CODEC + ": scan uses a missing Huffman or quantization table");
            }
        }
        JpegBitReader in = new JpegBitReader(data, end);
        new DctScan(this, in, comps, dc, ac).decode();
        segments.endScan(in.endOfScan());
    }

    private int[] output() {
        int spp = info.samplesPerPixel();
        int[] out = new int[width * height * spp];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < spp; c++) {
                    out[(y * width + x) * spp + c] = planes[c][y * strides[c] + x];
                }
            }
        }
        return out;
    }

    private int u16(int at) throws CodecException {
        return JpegSegments.u16(data, at, CODEC);
    }

    /** One scan's MCU loop; reads the frame state of the enclosing decoder. */
    private static final class DctScan {
        private final SequentialDctDecoder f;
        private final JpegBitReader in;
        private final int[] comps;
        private final HuffmanTable[] dc;
        private final HuffmanTable[] ac;
        private final int[] pred;
        private final int[] coef = new int[64];
        private final IslowIdct idct;

        DctScan(SequentialDctDecoder f, JpegBitReader in, int[] comps, HuffmanTable[] dc, HuffmanTable[] ac) {
            this.f = f;
            this.in = in;
            this.comps = comps;
            this.dc = dc;
            this.ac = ac;
            this.pred = new int[comps.length];
            this.idct = new IslowIdct(f.precision);
        }

        void decode() throws CodecException {
            boolean single = comps.length == 1;
            int c0 = comps[0];
            // a single-component scan covers only that component's own blocks, one block per MCU
            int compW = (f.width * f.h[c0] + f.hMax - 1) / f.hMax;
            int compH = (f.height * f.v[c0] + f.vMax - 1) / f.vMax;
            int unitsX = single ? (compW + 7) / 8 : f.mcusX;
            int unitsY = single ? (compH + 7) / 8 : f.mcusY;
            int toGo = f.restartInterval;
            for (int my = 0; my < unitsY; my++) {
                for (int mx = 0; mx < unitsX; mx++) {
                    if (f.restartInterval > 0) {
                        if (toGo == 0) {
                            restart();
                            toGo = f.restartInterval;
                        }
                        toGo--;
                    }
                    for (int i = 0; i < comps.length; i++) {
                        int c = comps[i];
                        int bw = single ? 1 : f.h[c];
                        int bh = single ? 1 : f.v[c];
                        for (int by = 0; by < bh; by++) {
                            for (int bx = 0; bx < bw; bx++) {
                                int x = (mx * bw + bx) * 8;
                                int y = (my * bh + by) * 8;
                                block(i, c, y * f.strides[c] + x);
                            }
                        }
                    }
                }
                if (in.overrun()) {
                    throw new CodecException(CODEC + ": entropy-coded data ends early (truncated or corrupt) at MCU row " + my);
                }
            }
        }

        private void block(int i, int c, int offset) throws CodecException {
            java.util.Arrays.fill(coef, 0);
            int t = dc[i].decode(in);
            if (t > 15) {
                throw new CodecException(CODEC + ": DC difference category " + t + " is too large");
            }
            pred[i] += extend(in.read(t), t);
            coef[0] = (short) pred[i];
            for (int k = 1; k < 64; k++) {
                int rs = ac[i].decode(in);
                int r = rs >> 4;
                int s = rs & 15;
                if (s == 0) {
                    if (r != 15) {
                        break;
                    }
                    k += 15;
                    continue;
                }
                k += r;
                if (k > 63) {
                    throw new CodecException(CODEC + ": AC coefficient index past 63 (corrupt data)");
                }
                coef[ZIGZAG[k]] = (short) extend(in.read(s), s);
            }
            idct.transform(coef, f.quant[f.tq[c]], f.planes[c], offset, f.strides[c]);
        }

        private static int extend(int value, int size) {
            return size == 0 ? 0 : value < 1 << (size - 1) ? value - (1 << size) + 1 : value;
        }

        private void restart() throws CodecException {
            in.restart(CODEC);
            java.util.Arrays.fill(pred, 0);
        }
    }
}
