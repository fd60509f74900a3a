package org.cxrstudio.core.dicom.codec;

/**
 * Decodes one process-14 scan (ISO 10918-1 Annex H) into component planes: Huffman-coded
 * differences, the seven predictors, prediction reset at the start of the scan and of each
 * restart interval, and the point transform applied on output.
 */
final class LosslessScan {

    private final JpegBitReader in;
    private final HuffmanTable[] tables;
    private final int[][] planes;
    private final int width;
    private final int height;
    private final int predictor;
    private final int precision;
    private final int pointTransform;
    private final int restartInterval;

    LosslessScan(JpegBitReader in, HuffmanTable[] tables, int[][] planes, int width, int height, int predictor,
                 int precision, int pointTransform, int restartInterval) {
        this.in = in;
        this.tables = tables;
        this.planes = planes;
        this.width = width;
        this.height = height;
        this.predictor = predictor;
        this.precision = precision;
        this.pointTransform = pointTransform;
        this.restartInterval = restartInterval;
    }

    void decode() throws CodecException {
        int ns = planes.length;
        int initial = 1 << (precision - pointTransform - 1);
        int mcusToGo = restartInterval;
        boolean firstLine = true;
        boolean firstSample = true;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                if (restartInterval > 0) {
                    if (mcusToGo == 0) {
                        in.restart("JPEG lossless");
                        mcusToGo = restartInterval;
                        firstLine = true;
                        firstSample = true;
                    }
                    mcusToGo--;
                }
                int i = row + x;
                for (int c = 0; c < ns; c++) {
                    int[] p = planes[c];
                    int pred;
                    if (firstSample) {
                        pred = initial;
                    } else if (firstLine) {
                        pred = p[i - 1];
                    } else if (x == 0) {
                        pred = p[i - width];
                    } else {
                        pred = predict(p[i - 1], p[i - width], p[i - width - 1]);
                    }
                    p[i] = (pred + difference(tables[c])) & 0xFFFF;
                }
                firstSample = false;
            }
            firstLine = false;
            if (in.overrun()) {
                throw new CodecException("JPEG lossless: entropy-coded data ends early (truncated or corrupt) at row " + y);
            }
        }
        if (pointTransform > 0) {
            for (int[] p : planes) {
                for (int i = 0; i < p.length; i++) {
                    p[i] = (p[i] << pointTransform) & 0xFFFF;
                }
            }
        }
    }

    private int predict(int ra, int rb, int rc) {
        return switch (predictor) {
            case 1 -> ra;
            case 2 -> rb;
            case 3 -> rc;
            case 4 -> ra + rb - rc;
            case 5 -> ra + ((rb - rc) >> 1);
            case 6 -> rb + ((ra - rc) >> 1);
            default -> (ra + rb) >> 1;
        };
    }

    private int difference(HuffmanTable table) throws CodecException {
        int ssss = table.decode(in);
        if (ssss == 0) {
            return 0;
        }
        if (ssss == 16) {
            return 32768;
        }
        if (ssss > 16) {
            throw new CodecException("JPEG lossless: difference category " + ssss + " is outside 0..16");
        }
        int v = in.read(ssss);
        return v < 1 << (ssss - 1) ? v - (1 << ssss) + 1 : v;
    }
}
