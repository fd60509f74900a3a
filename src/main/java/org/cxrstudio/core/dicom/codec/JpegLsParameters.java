package org.cxrstudio.core.dicom.codec;

/** JPEG-LS coding parameters: the LSE preset values, with zeros replaced by the T.87 C.2.4.1.1 defaults. */
final class JpegLsParameters {

    private JpegLsParameters() {
    }

    /**
     * @param preset    {MAXVAL, T1, T2, T3, RESET} from an LSE segment, 0 = default
     * @param precision sample precision P in bits
     * @param near      NEAR of the scan
     * @return {MAXVAL, T1, T2, T3, RESET}
     */
    static int[] resolve(int[] preset, int precision, int near) throws CodecException {
        int maxVal = preset[0] != 0 ? preset[0] : (1 << precision) - 1;
        if (maxVal < 1 || maxVal >= 1 << 16) {
            throw new CodecException("JPEG-LS: MAXVAL " + maxVal + " is out of range");
        }
        if (near > Math.min(255, maxVal / 2)) {
            throw new CodecException("JPEG-LS: NEAR " + near + " is too large for MAXVAL " + maxVal);
        }
        int t1;
        int t2;
        int t3;
        if (maxVal >= 128) {
            int factor = (Math.min(maxVal, 4095) + 128) / 256;
            t1 = clamp(factor * (3 - 2) + 2 + 3 * near, near + 1, maxVal);
            t2 = clamp(factor * (7 - 3) + 3 + 5 * near, t1, maxVal);
            t3 = clamp(factor * (21 - 4) + 4 + 7 * near, t2, maxVal);
        } else {
            int factor = 256 / (maxVal + 1);
            t1 = clamp(Math.max(2, 3 / factor + 3 * near), near + 1, maxVal);
            t2 = clamp(Math.max(3, 7 / factor + 5 * near), t1, maxVal);
            t3 = clamp(Math.max(4, 21 / factor + 7 * near), t2, maxVal);
        }
        t1 = preset[1] != 0 ? preset[1] : t1;
        t2 = preset[2] != 0 ? preset[2] : t2;
        t3 = preset[3] != 0 ? preset[3] : t3;
        int reset = preset[4] != 0 ? preset[4] : 64;
        if (t1 < near + 1 || t2 < t1 || t3 < t2 || t3 > Math.max(maxVal, near + 1) || reset < 3) {
            throw new CodecException("JPEG-LS: invalid coding parameters T1=" + t1 + " T2=" + t2 + " T3=" + t3
                    + " RESET=" + reset);
        }
        return new int[] {maxVal, t1, t2, t3, reset};
    }

    private static int clamp(int value, int low, int maxVal) {
        return value > maxVal || value < low ? low : value;
    }
}
