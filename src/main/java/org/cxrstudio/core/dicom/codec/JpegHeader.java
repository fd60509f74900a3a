package org.cxrstudio.core.dicom.codec;

/**
 * The start-of-frame facts of a JPEG family code stream (ISO 10918 SOFn or ISO 14495 SOF55),
 * found by walking the marker segments from SOI. Used to route a frame to the right decoder
 * and to refuse mismatching geometry before any large allocation.
 *
 * @param sofMarker  the SOF marker's second byte, e.g. {@code 0xC0} baseline, {@code 0xC3} lossless,
 *                   {@code 0xF7} JPEG-LS
 * @param precision  sample precision in bits (P)
 * @param rows       number of lines (Y); 0 means "defined by DNL" which we do not support
 * @param columns    samples per line (X)
 * @param components number of components (Nf)
 */
record JpegHeader(int sofMarker, int precision, int rows, int columns, int components) {

    static final int SOF0 = 0xC0;
    static final int SOF1 = 0xC1;
    static final int SOF3 = 0xC3;
    static final int SOF55 = 0xF7;

    /** Walks the marker segments up to the first SOF. */
    static JpegHeader read(byte[] data, String codec) throws CodecException {
        if (data.length < 4 || (data[0] & 0xFF) != 0xFF || (data[1] & 0xFF) != 0xD8) {
            throw new CodecException(codec + ": data does not start with a JPEG SOI marker");
        }
        JpegSegments segments = new JpegSegments(data, codec);
        for (int marker = segments.next(); marker >= 0 && marker != JpegSegments.SOS; marker = segments.next()) {
            if (JpegSegments.isSof(marker) || marker == SOF55) {
                if (segments.length() < 8) {
                    throw new CodecException(codec + ": SOF segment too short");
                }
                int p = segments.body();
                return new JpegHeader(marker, data[p] & 0xFF, (data[p + 1] & 0xFF) << 8 | (data[p + 2] & 0xFF),
                        (data[p + 3] & 0xFF) << 8 | (data[p + 4] & 0xFF), data[p + 5] & 0xFF);
            }
        }
        throw new CodecException(codec + ": no start-of-frame marker found");
    }

    /**
     * Checks the frame, reads its header and refuses any other SOF than {@code sofMarker}; the
     * common first step of the decoders that handle one coding process.
     */
    static JpegHeader readExpecting(byte[] data, FrameInfo info, String codec, int sofMarker, String process)
            throws CodecException {
        Frames.checkGeometry(codec, info);
        JpegHeader header = read(data, codec);
        if (header.sofMarker() != sofMarker) {
            throw new CodecException(codec + ": SOF marker 0xFF" + JpegSegments.hex(header.sofMarker())
                    + " is not " + process);
        }
        return header;
    }

    /** Throws unless the stream's size matches the dataset's rows and columns. */
    void checkMatches(FrameInfo info, String codec) throws CodecException {
        checkSize(codec, columns, rows, info);
        if (components != 1 && components != 3) {
            throw new CodecException(codec + ": " + components + " components are not supported (1 or 3)");
        }
    }

    /** Throws unless a code stream of {@code columns}×{@code rows} has the dataset's size. */
    static void checkSize(String codec, int columns, int rows, FrameInfo info) throws CodecException {
        if (rows != info.rows() || columns != info.columns()) {
            throw new CodecException(codec + ": code stream is " + columns + "x" + rows + " but the dataset says "
                    + info.columns() + "x" + info.rows());
        }
    }
}
