package org.cxrstudio.core.training.onnx;

/**
 * IEEE 754 binary16 conversion for float16 initializers ({@link OnnxGraph#halves}), which halve
 * the size of large constant tensors such as the gate's feature banks. Stateless.
 */
public final class Float16 {
    private Float16() {
    }

    /** IEEE 754 binary16 bits of {@code v}, rounded to nearest even; overflow to infinity. */
    public static short toHalf(float v) {
        int f = Float.floatToIntBits(v);
        int sign = (f >>> 16) & 0x8000;
        int exp = ((f >>> 23) & 0xFF) - 127 + 15;
        int mant = f & 0x7FFFFF;
        if (((f >>> 23) & 0xFF) == 0xFF) {
            return (short) (sign | 0x7C00 | (mant != 0 ? 0x200 : 0));
        }
        if (exp >= 31) {
            return (short) (sign | 0x7C00);
        }
        if (exp <= 0) {
            if (exp < -10) {
                return (short) sign;
            }
            mant |= 0x800000;
            int shift = 14 - exp;
            int half = mant >> shift;
            int rest = mant & ((1 << shift) - 1);
            int mid = 1 << (shift - 1);
            if (rest > mid || (rest == mid && (half & 1) == 1)) {
                half++;
            }
            return (short) (sign | half);
        }
        int half = (exp << 10) | (mant >> 13);
        int rest = mant & 0x1FFF;
        if (rest > 0x1000 || (rest == 0x1000 && (half & 1) == 1)) {
            half++;
        }
        return (short) (sign | half);
    }

    /** The float value of binary16 bits {@code h}. */
    public static float fromHalf(short h) {
        int bits = h & 0xFFFF;
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >>> 10) & 0x1F;
        int mant = bits & 0x3FF;
        if (exp == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mant << 13));
        }
        if (exp == 0) {
            float v = mant / 1024f / 16384f; // 2^-14 * mant/1024
            return sign != 0 ? -v : v;
        }
        return Float.intBitsToFloat(sign | ((exp - 15 + 127) << 23) | (mant << 13));
    }
}
