package org.cxrstudio.core.dicom.codec;

/**
 * JPEG-LS lossless (1.2.840.10008.1.2.4.80) and near-lossless (…4.81), ITU-T T.87 / ISO 14495-1.
 *
 * <p>Supports 2–16 bit precision, NEAR ≥ 0, preset coding parameters from an LSE segment
 * (id 1: MAXVAL, T1–T3, RESET) or the defaults of C.2.4.1.1, restart intervals, and one
 * component per scan, line or sample interleave. Not supported (clear error): point transform, mapping tables (LSE ids 2–4) and sub-sampled components.
 * Stateless and thread-safe.
 */
public final class JpegLsDecoder implements FrameDecoder {

    private static final String CODEC = "JPEG-LS";

    @Override
    public int[] decode(byte[] frame, FrameInfo info) throws CodecException {
        JpegHeader header = JpegHeader.readExpecting(frame, info, CODEC, JpegHeader.SOF55, "JPEG-LS (SOF55)");
        JpegHeader.checkSize(CODEC, header.columns(), header.rows(), info);
        if (header.precision() < 2 || header.precision() > 16) {
            throw new CodecException(CODEC + ": precision " + header.precision() + " is outside 2..16");
        }
        int nf = header.components();
        if (nf < info.samplesPerPixel() || nf > 4) {
            throw new CodecException(CODEC + ": code stream has " + nf + " component(s), dataset "
                    + info.samplesPerPixel() + " sample(s) per pixel");
        }
        return new Parser(frame, info, header).run();
    }

    private static final class Parser {
        private final byte[] data;
        private final FrameInfo info;
        private final JpegHeader header;
        private final int[][] planes;
        private int[] componentIds;
        private int[] preset = new int[5];
        private int restartInterval;
        private final JpegSegments segments;

        Parser(byte[] data, FrameInfo info, JpegHeader header) {
            this.data = data;
            this.info = info;
            this.header = header;
            this.planes = new int[header.components()][];
            this.segments = new JpegSegments(data, CODEC);
        }

        int[] run() throws CodecException {
            for (int marker = segments.next(); marker >= 0; marker = segments.next()) {
                int body = segments.body();
                int length = segments.length();
                switch (marker) {
                    case JpegHeader.SOF55 -> readFrame(body, length);
                    case JpegSegments.LSE -> readPreset(body, length);
                    case JpegSegments.DRI -> restartInterval = u16(body);
                    case JpegSegments.SOS -> readScan(body, length);
                    default -> {
                        if (JpegSegments.isSof(marker)) { // a frame of another JPEG process
                            throw new CodecException(CODEC + ": unexpected frame marker 0xFF" + Integer.toHexString(marker));
                        }
                    }
                }
            }
            segments.requireScan();
            return Frames.interleave(CODEC, planes, header.rows() * header.columns(), info.samplesPerPixel());
        }

        private void readFrame(int p, int length) throws CodecException {
            int nf = data[p + 5] & 0xFF;
            if (nf != header.components() || length < 8 + 3 * nf) {
                throw new CodecException(CODEC + ": frame header with " + nf + " components is inconsistent or too short");
            }
            componentIds = new int[nf];
            for (int c = 0; c < nf; c++) {
                componentIds[c] = data[p + 6 + 3 * c] & 0xFF;
                if ((data[p + 7 + 3 * c] & 0xFF) != 0x11) {
                    throw new CodecException(CODEC + ": sub-sampled components are not supported");
                }
            }
        }

        private void readPreset(int p, int length) throws CodecException {
            int id = data[p] & 0xFF;
            if (id != 1) {
                throw new CodecException(CODEC + ": LSE segment type " + id + " (mapping tables) is not supported");
            }
            if (length < 13) {
                throw new CodecException(CODEC + ": LSE preset parameters segment is too short");
            }
            for (int i = 0; i < 5; i++) {
                preset[i] = u16(p + 1 + 2 * i);
            }
        }

        private void readScan(int p, int length) throws CodecException {
            if (componentIds == null) {
                throw new CodecException(CODEC + ": scan before the frame header");
            }
            int ns = data[p] & 0xFF;
            if (ns < 1 || ns > componentIds.length || length < 6 + 2 * ns) {
                throw new CodecException(CODEC + ": bad scan component count " + ns);
            }
            int[][] out = new int[ns][];
            for (int i = 0; i < ns; i++) {
                int id = data[p + 1 + 2 * i] & 0xFF;
                int index = -1;
                for (int c = 0; c < componentIds.length; c++) {
                    index = componentIds[c] == id ? c : index;
                }
                if (index < 0) {
                    throw new CodecException(CODEC + ": scan refers to unknown component " + id);
                }
                if (planes[index] == null) {
                    planes[index] = new int[header.rows() * header.columns()];
                }
                out[i] = planes[index];
            }
            int q = p + 1 + 2 * ns;
            int near = data[q] & 0xFF;
            int ilv = data[q + 1] & 0xFF;
            int pointTransform = data[q + 2] & 0x0F;
            if (pointTransform != 0) {
                throw new CodecException(CODEC + ": point transform is not supported");
            }
            if (ilv > 2 || (ilv == 0 && ns > 1)) {
                throw new CodecException(CODEC + ": interleave mode " + ilv + " with " + ns + " components is invalid");
            }
            int[] params = JpegLsParameters.resolve(preset, header.precision(), near);
            JpegLsBitReader in = new JpegLsBitReader(data, segments.end());
            new JpegLsScan(in, out, header.columns(), header.rows(), near, params, restartInterval,
                    ilv == 2).decode();
            segments.endScan(in.endOfScan());
        }

        private int u16(int at) throws CodecException {
            return JpegSegments.u16(data, at, CODEC);
        }
    }
}
