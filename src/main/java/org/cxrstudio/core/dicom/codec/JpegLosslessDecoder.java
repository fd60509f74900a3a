package org.cxrstudio.core.dicom.codec;

/**
 * JPEG lossless, non-hierarchical, Huffman coded (ISO 10918-1 process 14, SOF3): DICOM
 * 1.2.840.10008.1.2.4.57 (any predictor) and …4.70 (selection value 1).
 *
 * <p>Supports 2–16 bit precision, all seven predictors, point transform (output is the decoded
 * value shifted left by Pt, as IJG/dcmtk do), restart intervals, several scans and 1–4
 * components (interleaved or not, sampling factors 1×1). With one sample per pixel in the
 * dataset the first component is returned; with three, the first three are interleaved.
 * Values are reconstructed modulo 2^16 (H.2.1). Stateless and thread-safe.
 */
public final class JpegLosslessDecoder implements FrameDecoder {

    private static final String CODEC = "JPEG lossless";

    @Override
    public int[] decode(byte[] frame, FrameInfo info) throws CodecException {
        Frames.checkGeometry(CODEC, info);
        JpegHeader header = JpegHeader.read(frame, CODEC);
        if (header.sofMarker() != JpegHeader.SOF3) {
            throw new CodecException(CODEC + ": SOF marker 0xFF" + Integer.toHexString(header.sofMarker()).toUpperCase()
                    + " is not lossless Huffman (SOF3)");
        }
        State s = new State(frame, info);
        s.parse();
        return s.output();
    }

    /** Per-call decoding state. */
    private static final class State {
        private final byte[] data;
        private final FrameInfo info;
        private final HuffmanTable[] tables = new HuffmanTable[4];
        private int pos = 2;
        private int precision;
        private int width;
        private int height;
        private int[] componentIds;
        private int[][] planes;
        private int restartInterval;
        private int scans;

        State(byte[] data, FrameInfo info) {
            this.data = data;
            this.info = info;
        }

        void parse() throws CodecException {
            while (true) {
                int marker = nextMarker();
                if (marker == 0xD9 || marker < 0) {
                    break;
                }
                if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                    continue; // stand-alone markers
                }
                int length = u16(pos);
                if (length < 2 || pos + length > data.length) {
                    throw new CodecException(CODEC + ": marker 0xFF" + hex(marker) + " has a bad length " + length);
                }
                int body = pos + 2;
                int end = pos + length;
                switch (marker) {
                    case 0xC3 -> readFrameHeader(body, end);
                    case 0xC4 -> readHuffmanTables(body, end);
                    case 0xDD -> restartInterval = length >= 4 ? u16(body) : 0;
                    case 0xDA -> {
                        pos = end;
                        readScan(body, end);
                        continue;
                    }
                    default -> {
                        if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                            throw new CodecException(CODEC + ": a second frame header 0xFF" + hex(marker) + " is not supported");
                        }
                    }
                }
                pos = end;
            }
            if (scans == 0) {
                throw new CodecException(CODEC + ": no scan (SOS) found");
            }
        }

        private int nextMarker() throws CodecException {
            while (pos < data.length && (data[pos] & 0xFF) == 0xFF && pos + 1 < data.length
                    && (data[pos + 1] & 0xFF) == 0xFF) {
                pos++;
            }
            if (pos + 1 >= data.length) {
                return -1; // missing EOI is tolerated
            }
            if ((data[pos] & 0xFF) != 0xFF) {
                throw new CodecException(CODEC + ": expected a marker at byte " + pos);
            }
            int marker = data[pos + 1] & 0xFF;
            pos += 2;
            return marker;
        }

        private void readFrameHeader(int p, int end) throws CodecException {
            if (planes != null) {
                throw new CodecException(CODEC + ": more than one frame header");
            }
            precision = data[p] & 0xFF;
            height = u16(p + 1);
            width = u16(p + 3);
            int nf = data[p + 5] & 0xFF;
            if (precision < 2 || precision > 16) {
                throw new CodecException(CODEC + ": precision " + precision + " is outside 2..16");
            }
            if (height == 0) {
                height = info.rows(); // lines defined later by DNL: trust the dataset
            }
            if (width != info.columns() || height != info.rows()) {
                throw new CodecException(CODEC + ": code stream is " + width + "x" + height + " but the dataset says "
                        + info.columns() + "x" + info.rows());
            }
            if (nf < 1 || nf > 4 || p + 6 + 3 * nf > end) {
                throw new CodecException(CODEC + ": bad component count " + nf);
            }
            if (nf < info.samplesPerPixel()) {
                throw new CodecException(CODEC + ": dataset has " + info.samplesPerPixel()
                        + " samples per pixel but the code stream " + nf + " component(s)");
            }
            componentIds = new int[nf];
            for (int c = 0; c < nf; c++) {
                componentIds[c] = data[p + 6 + 3 * c] & 0xFF;
                int sampling = data[p + 7 + 3 * c] & 0xFF;
                if (sampling != 0x11) {
                    throw new CodecException(CODEC + ": component sampling factors other than 1x1 are not supported");
                }
            }
            planes = new int[nf][];
        }

        private void readHuffmanTables(int p, int end) throws CodecException {
            while (p < end) {
                int tcTh = data[p] & 0xFF;
                int[] counts = new int[16];
                int total = 0;
                if (p + 17 > end) {
                    throw new CodecException(CODEC + ": truncated Huffman table");
                }
                for (int i = 0; i < 16; i++) {
                    counts[i] = data[p + 1 + i] & 0xFF;
                    total += counts[i];
                }
                if (total > 256 || p + 17 + total > end) {
                    throw new CodecException(CODEC + ": Huffman table with " + total + " codes does not fit its segment");
                }
                int[] values = new int[total];
                for (int i = 0; i < total; i++) {
                    values[i] = data[p + 17 + i] & 0xFF;
                }
                if ((tcTh >> 4) == 0 && (tcTh & 0x0F) < 4) {
                    tables[tcTh & 0x0F] = new HuffmanTable(counts, values);
                }
                p += 17 + total;
            }
        }

        private void readScan(int p, int end) throws CodecException {
            if (planes == null) {
                throw new CodecException(CODEC + ": scan before the frame header");
            }
            int ns = data[p] & 0xFF;
            if (ns < 1 || ns > componentIds.length || p + 1 + 2 * ns + 3 > end) {
                throw new CodecException(CODEC + ": bad scan component count " + ns);
            }
            int[] comps = new int[ns];
            HuffmanTable[] scanTables = new HuffmanTable[ns];
            for (int i = 0; i < ns; i++) {
                int id = data[p + 1 + 2 * i] & 0xFF;
                comps[i] = -1;
                for (int c = 0; c < componentIds.length; c++) {
                    if (componentIds[c] == id) {
                        comps[i] = c;
                    }
                }
                int td = (data[p + 2 + 2 * i] & 0xFF) >> 4;
                if (comps[i] < 0 || td > 3 || tables[td] == null) {
                    throw new CodecException(CODEC + ": scan refers to an unknown component or Huffman table");
                }
                scanTables[i] = tables[td];
            }
            int q = p + 1 + 2 * ns;
            int predictor = data[q] & 0xFF;
            int pointTransform = data[q + 2] & 0x0F;
            if (predictor < 1 || predictor > 7) {
                throw new CodecException(CODEC + ": predictor (selection value) " + predictor + " is outside 1..7");
            }
            if (pointTransform >= precision) {
                throw new CodecException(CODEC + ": point transform " + pointTransform + " >= precision " + precision);
            }
            int[][] out = new int[ns][];
            for (int i = 0; i < ns; i++) {
                if (planes[comps[i]] == null) {
                    planes[comps[i]] = new int[width * height];
                }
                out[i] = planes[comps[i]];
            }
            JpegBitReader in = new JpegBitReader(data, pos);
            new LosslessScan(in, scanTables, out, width, height, predictor, precision, pointTransform,
                    restartInterval).decode();
            int marker = in.nextMarker();
            pos = marker < 0 ? data.length : in.position();
            scans++;
        }

        int[] output() throws CodecException {
            int spp = info.samplesPerPixel();
            for (int c = 0; c < spp; c++) {
                if (planes[c] == null) {
                    throw new CodecException(CODEC + ": component " + (c + 1) + " was never coded in a scan");
                }
            }
            if (spp == 1) {
                return planes[0];
            }
            int n = width * height;
            int[] out = new int[n * spp];
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < spp; c++) {
                    out[i * spp + c] = planes[c][i];
                }
            }
            return out;
        }

        private int u16(int at) throws CodecException {
            if (at + 1 >= data.length) {
                throw new CodecException(CODEC + ": header is truncated");
            }
            return (data[at] & 0xFF) << 8 | (data[at + 1] & 0xFF);
        }

        private static String hex(int marker) {
            return Integer.toHexString(marker).toUpperCase();
        }
    }
}
