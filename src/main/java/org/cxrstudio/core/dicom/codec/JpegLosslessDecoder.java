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
        JpegHeader.readExpecting(frame, info, CODEC, JpegHeader.SOF3, "lossless Huffman (SOF3)");
        State s = new State(frame, info);
        s.parse();
        return s.output();
    }

    /** Per-call decoding state. */
    private static final class State {
        private final byte[] data;
        private final FrameInfo info;
        private final HuffmanTable[] tables = new HuffmanTable[4];
        private JpegSegments segments;
        private int precision;
        private int width;
        private int height;
        private int[] componentIds;
        private int[][] planes;
        private int restartInterval;

        State(byte[] data, FrameInfo info) {
            this.data = data;
            this.info = info;
        }

        void parse() throws CodecException {
            segments = new JpegSegments(data, CODEC);
            for (int marker = segments.next(); marker >= 0; marker = segments.next()) {
                int body = segments.body();
                int end = segments.end();
                switch (marker) {
                    case JpegHeader.SOF3 -> readFrameHeader(body, end);
                    case JpegSegments.DHT -> HuffmanTable.readSegment(data, body, end, CODEC, (tcTh, table) -> {
                        if ((tcTh >> 4) == 0 && (tcTh & 0x0F) < 4) {
                            tables[tcTh & 0x0F] = table;
                        }
                    });
                    case JpegSegments.DRI -> restartInterval = segments.length() >= 4 ? u16(body) : 0;
                    case JpegSegments.SOS -> readScan(body, end);
                    default -> {
                        if (JpegSegments.isSof(marker)) {
                            throw new CodecException(CODEC + ": a second frame header 0xFF" + JpegSegments.hex(marker)
                                    + " is not supported");
                        }
                    }
                }
            }
            segments.requireScan();
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
            JpegHeader.checkSize(CODEC, width, height, info);
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
            JpegBitReader in = new JpegBitReader(data, end);
            new LosslessScan(in, scanTables, out, width, height, predictor, precision, pointTransform,
                    restartInterval).decode();
            segments.endScan(in.endOfScan());
        }

        int[] output() throws CodecException {
            return Frames.interleave(CODEC, planes, width * height, info.samplesPerPixel());
        }

        private int u16(int at) throws CodecException {
            return JpegSegments.u16(data, at, CODEC);
        }
    }
}
