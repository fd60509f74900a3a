package org.cxrstudio.core.dicom.codec;

/**
 * The IJG "islow" integer inverse DCT (Loeffler–Ligtenberg–Moschytz, 13-bit constants), the
 * default of libjpeg and of dcmtk's 8/12-bit decoders, reproduced operation for operation so
 * that results are bit-identical to theirs, including the output range limiting (values wrap
 * modulo 4 × (MAXJSAMPLE + 1) around the centre, then clamp).
 */
final class IslowIdct {

    private static final int CONST_BITS = 13;
    private static final int FIX_0_298631336 = 2446;
    private static final int FIX_0_390180644 = 3196;
    private static final int FIX_0_541196100 = 4433;
    private static final int FIX_0_765366865 = 6270;
    private static final int FIX_0_899976223 = 7373;
    private static final int FIX_1_175875602 = 9633;
    private static final int FIX_1_501321110 = 12299;
    private static final int FIX_1_847759065 = 15137;
    private static final int FIX_1_961570560 = 16069;
    private static final int FIX_2_053119869 = 16819;
    private static final int FIX_2_562915447 = 20995;
    private static final int FIX_3_072711026 = 25172;

    private final int pass1Bits;
    private final int maxSample;
    private final int center;
    private final int rangeMask;
    private final int[] ws = new int[64];
    private final int[] tmp = new int[8];

    /** @param precision 8 or 12 bits per sample */
    IslowIdct(int precision) {
        this.pass1Bits = precision == 8 ? 2 : 1;
        this.maxSample = (1 << precision) - 1;
        this.center = 1 << (precision - 1);
        this.rangeMask = 4 * (maxSample + 1) - 1;
    }

    /**
     * @param coef  64 coefficients in natural order (already truncated to 16 bits like JCOEF)
     * @param quant 64 quantization values in natural order
     * @param out   destination plane; the block goes to {@code out[offset + row * stride + col]}
     */
    void transform(int[] coef, int[] quant, int[] out, int offset, int stride) {
        for (int col = 0; col < 8; col++) {
            for (int r = 0; r < 8; r++) {
                tmp[r] = coef[r * 8 + col] * quant[r * 8 + col];
            }
            butterfly(tmp, CONST_BITS - pass1Bits);
            for (int r = 0; r < 8; r++) {
                ws[r * 8 + col] = tmp[r];
            }
        }
        int shift = CONST_BITS + pass1Bits + 3;
        for (int row = 0; row < 8; row++) {
            System.arraycopy(ws, row * 8, tmp, 0, 8);
            butterfly(tmp, shift);
            int o = offset + row * stride;
            for (int c = 0; c < 8; c++) {
                out[o + c] = rangeLimit(tmp[c]);
            }
        }
    }

    private int rangeLimit(int v) {
        int t = v & rangeMask;
        if (t >= 2 * (maxSample + 1)) {
            t -= 4 * (maxSample + 1);
        }
        return Math.max(0, Math.min(maxSample, t + center));
    }

    /** One 8-point pass in place; results descaled by {@code shift} bits with rounding. */
    private static void butterfly(int[] d, int shift) {
        int z2 = d[2];
        int z3 = d[6];
        int z1 = (z2 + z3) * FIX_0_541196100;
        int tmp2 = z1 + z3 * -FIX_1_847759065;
        int tmp3 = z1 + z2 * FIX_0_765366865;
        int tmp0 = (d[0] + d[4]) << CONST_BITS;
        int tmp1 = (d[0] - d[4]) << CONST_BITS;
        int tmp10 = tmp0 + tmp3;
        int tmp13 = tmp0 - tmp3;
        int tmp11 = tmp1 + tmp2;
        int tmp12 = tmp1 - tmp2;

        tmp0 = d[7];
        tmp1 = d[5];
        tmp2 = d[3];
        tmp3 = d[1];
        z1 = tmp0 + tmp3;
        z2 = tmp1 + tmp2;
        z3 = tmp0 + tmp2;
        int z4 = tmp1 + tmp3;
        int z5 = (z3 + z4) * FIX_1_175875602;
        tmp0 *= FIX_0_298631336;
        tmp1 *= FIX_2_053119869;
        tmp2 *= FIX_3_072711026;
        tmp3 *= FIX_1_501321110;
        z1 *= -FIX_0_899976223;
        z2 *= -FIX_2_562915447;
        z3 *= -FIX_1_961570560;
        z4 *= -FIX_0_390180644;
        z3 += z5;
        z4 += z5;
        tmp0 += z1 + z3;
        tmp1 += z2 + z4;
        tmp2 += z2 + z3;
        tmp3 += z1 + z4;

        int round = 1 << (shift - 1);
        d[0] = (tmp10 + tmp3 + round) >> shift;
        d[7] = (tmp10 - tmp3 + round) >> shift;
        d[1] = (tmp11 + tmp2 + round) >> shift;
        d[6] = (tmp11 - tmp2 + round) >> shift;
        d[2] = (tmp12 + tmp1 + round) >> shift;
        d[5] = (tmp12 - tmp1 + round) >> shift;
        d[3] = (tmp13 + tmp0 + round) >> shift;
        d[4] = (tmp13 - tmp0 + round) >> shift;
    }
}
