package org.cxrstudio.core.pretrained;

import java.nio.ByteBuffer;

/** Constant tensor data to floats: {@code scale[c] * (q - zeroPoint[c])} along the quantised axis. */
final class Dequantizer {
    private Dequantizer() {
    }

    /** The tensor's size was checked against its buffer when the file was read. */
    static float[] dequantize(ByteBuffer buf, int start, TfliteTensor t, String source) throws PretrainedFormatException {
        int n = (int) t.elementCount();
        float[] out = new float[n];
        TfliteTensor.ElementType type = t.type();
        if (type == TfliteTensor.ElementType.OTHER) {
            throw new PretrainedFormatException(source + ": " + t + " has an element type this reader cannot decode");
        }
        if (type == TfliteTensor.ElementType.FLOAT32) {
            for (int i = 0; i < n; i++) {
                out[i] = buf.getFloat(start + 4 * i);
            }
            return out;
        }
        float[] scale = t.scale();
        if (scale.length == 0) {
            throw new PretrainedFormatException(source + ": " + t + " is " + type + " without quantisation parameters");
        }
        long[] zero = t.zeroPoint();
        int inner = 1;
        int channels = 1;
        if (scale.length > 1) {
            int[] shape = t.shape();
            channels = shape[t.quantizedDimension()];
            for (int d = t.quantizedDimension() + 1; d < shape.length; d++) {
                inner *= shape[d];
            }
        }
        for (int i = 0; i < n; i++) {
            int c = scale.length == 1 ? 0 : (i / inner) % channels;
            long z = zero.length == 0 ? 0 : zero[zero.length == 1 ? 0 : c];
            long q = switch (type) {
                case UINT8 -> buf.get(start + i) & 0xFF;
                case INT8 -> buf.get(start + i);
                default -> buf.getInt(start + 4 * i);
            };
            out[i] = (float) (scale[c] * (double) (q - z));
        }
        return out;
    }
}
