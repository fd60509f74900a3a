package org.cxrstudio.core.dicom.codec;

/**
 * JPEG-LS lossless (1.2.840.10008.1.2.4.80) and near-lossless (…4.81), ITU-T T.87 / ISO 14495-1.
 *
 * <p>Supports 2–16 bit precision, NEAR ≥ 0, preset coding parameters from an LSE segment
 * (id 1: MAXVAL, T1–T3, RESET) or the defaults of C.2.4.1.1, restart intervals, and one
 * component per scan or line interleave. Not supported (clear error): sample interleave
 * (ILV 2), point transform, mapping tables (LSE ids 2–4) and sub-sampled components.
 * Stateless and thread-safe.
 */
public final class JpegLsDecoder implements FrameDecoder {

    private static final String CODEC = "JPEG-LS";

    @Override
    public int[] decode(byte[] frame, FrameInfo info) throws CodecException {
        Frames.checkGeometry(CODEC, info);
        JpegHeader header = JpegHeader.read(frame, CODEC);
        if (header.sofMarker() != JpegHeader.SOF55) {
            throw new CodecException(CODEC + ": SOF marker 0xFF" + Integer.toHexString(header.sofMarker()).toUpperCase()
                    + " is not JPEG-LS (SOF55)");
        }
        if (header.rows() != info.rows() || header.columns() != info.columns()) {
            throw new CodecException(CODEC + ": code stream is " + header.columns() + "x" + header.rows()
                    + " but the dataset says " + info.columns() + "x" + info.rows());
        }
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
        private int pos = 2;
        private int scans;

        Parser(byte[] data, FrameInfo info, JpegHeader header) {
            this.data = data;
            this.info = info;
            this.header = header;
            this.planes = new int[header.components()][];
        }

        int[] run() throws CodecException {
            while (pos + 1 < data.length) {
                if ((data[pos] & 0xFF) != 0xFF) {
                    throw new CodecException(CODEC + ": expected a marker at byte " + pos);
                }
                int marker = data[pos + 1] & 0xFF;
                if (marker == 0xFF) {
                    pos++;
                    continue;
                }
                pos += 2;
                if (marker == 0xD9) {
                    break;
                }
                if (marker >= 0xD0 && marker <= 0xD7) {
                    continue;
                }
                int length = u16(pos);
                if (length < 2 || pos + length > data.length) {
                    throw new CodecException(CODEC + ": marker 0xFF" + Integer.toHexString(marker).toUpperCase()
                            + " has a bad length " + length);
                }
                int body = pos + 2;
                pos += length;
                switch (marker) {
                    case 0xF7 -> readFrame(body);
                    case 0xF8 -> readPreset(body, length);
                    case 0xDD -> restartInterval = u16(body);
                    case 0xDA -> readScan(body, length);
                    default -> {
                        if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xCC) {
                            throw new CodecException(CODEC + ": unexpected frame marker 0xFF" + Integer.toHexString(marker));
                        }
                    }
                }
            }
            if (scans == 0) {
                throw new CodecException(CODEC + ": no scan (SOS) found");
            }
            return output();
        }

        private void readFrame(int p) throws CodecException {
            int nf = data[p + 5] & 0xFF;
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
            if (ilv == 2 && ns > 1) {
                throw new CodecException(CODEC + ": sample-interleaved scans (ILV 2) are not supported");
            }
            if (ilv > 2 || (ilv == 0 && ns > 1)) {
                throw new CodecException(CODEC + ": interleave mode " + ilv + " with " + ns + " components is invalid");
            }
            int[] params = JpegLsParameters.resolve(preset, header.precision(), near);
            JpegLsBitReader in = new JpegLsBitReader(data, pos);
            new JpegLsScan(in, out, header.columns(), header.rows(), near, params, restartInterval).decode();
            pos = in.nextMarker() < 0 ? data.length : in.position();
            scans++;
        }

        private int[] output() throws CodecException {
            int spp = info.samplesPerPixel();
            for (int c = 0; c < spp; c++) {
                if (planes[c] == null) {
                    throw new CodecException(CODEC + ": component " + (c + 1) + " was never coded in a scan");
                }
            }
            if (spp == 1) {
                return planes[0];
            }
            int n = header.rows() * header.columns();
            int[] out = new int[n * 3];
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < 3; c++) {
                    out[3 * i + c] = planes[c][i];
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
    }
}
